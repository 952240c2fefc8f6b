using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace MMFuse.Data.Readers;

/// <summary>
/// Reads a Parquet manifest one row group at a time (Parquet.Net), turning each flat column's values into
/// invariant-culture text, so only one row group is in memory at once. Nested and list columns are rejected.
/// </summary>
internal sealed class ParquetManifestReader : IManifestReader
{
    private readonly Stream _stream;
    private readonly ParquetReader _reader;
    private readonly DataField[] _fields;
    private string?[][]? _group;
    private int _groupIndex = -1;
    private int _rowInGroup;
    private long _records;

    public ParquetManifestReader(Stream stream)
    {
        _stream = stream;
        try
        {
            _reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            stream.Dispose();
            throw new MMFuseInputException("the manifest is not a readable Parquet file: " + ex.Message, ex);
        }
        _fields = _reader.Schema.GetDataFields();
        var nested = _fields.FirstOrDefault(f => f.IsArray || f.MaxRepetitionLevel > 0 || f.Path.ToString()!.Contains('.'));
        if (nested is not null)
            throw new MMFuseInputException($"Parquet column '{nested.Path}' is nested or a list; MMFuse manifests need flat columns");
        Columns = ColumnNames.FromHeader(_fields.Select(f => f.Name).ToList());
    }

    public IReadOnlyList<string> Columns { get; }

    public bool TryRead(out RawRow row)
    {
        row = null!;
        while (_group is null || _rowInGroup >= _group[0].Length)
        {
            if (++_groupIndex >= _reader.RowGroupCount)
                return false;
            _group = ReadGroup(_groupIndex);
            _rowInGroup = 0;
        }
        var values = new string?[_fields.Length];
        for (var c = 0; c < values.Length; c++)
            values[c] = CellValue.Normalize(_group[c][_rowInGroup]);
        _rowInGroup++;
        _records++;
        row = new RawRow(_records, 0, values);
        return true;
    }

    private string?[][] ReadGroup(int index)
    {
        using var group = _reader.OpenRowGroupReader(index);
        var count = checked((int)group.RowCount);
        var columns = new string?[_fields.Length][];
        for (var c = 0; c < _fields.Length; c++)
            columns[c] = ReadColumn(group, _fields[c], count).GetAwaiter().GetResult();
        return columns;
    }

    private static async Task<string?[]> ReadColumn(ParquetRowGroupReader group, DataField field, int count)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var text = new string?[count];
            await group.ReadAsync(field, text.AsMemory());
            return text;
        }
        if (type == typeof(byte[]))
        {
            var bytes = new byte[]?[count];
            await group.ReadAsync(field, bytes.AsMemory());
            return bytes.Select(b => b is null ? null : Convert.ToBase64String(b)).ToArray();
        }
        return type switch
        {
            _ when type == typeof(bool) => await Read<bool>(group, field, count),
            _ when type == typeof(sbyte) => await Read<sbyte>(group, field, count),
            _ when type == typeof(byte) => await Read<byte>(group, field, count),
            _ when type == typeof(short) => await Read<short>(group, field, count),
            _ when type == typeof(ushort) => await Read<ushort>(group, field, count),
            _ when type == typeof(int) => await Read<int>(group, field, count),
            _ when type == typeof(uint) => await Read<uint>(group, field, count),
            _ when type == typeof(long) => await Read<long>(group, field, count),
            _ when type == typeof(ulong) => await Read<ulong>(group, field, count),
            _ when type == typeof(float) => await Read<float>(group, field, count),
            _ when type == typeof(double) => await Read<double>(group, field, count),
            _ when type == typeof(decimal) => await Read<decimal>(group, field, count),
            _ when type == typeof(DateTime) => await Read<DateTime>(group, field, count),
            _ when type == typeof(DateOnly) => await Read<DateOnly>(group, field, count),
            _ when type == typeof(TimeSpan) => await Read<TimeSpan>(group, field, count),
            _ when type == typeof(TimeOnly) => await Read<TimeOnly>(group, field, count),
            _ => throw new MMFuseInputException($"Parquet column '{field.Name}' has type {type.Name}, which MMFuse cannot read"),
        };
    }

    private static async Task<string?[]> Read<T>(ParquetRowGroupReader group, DataField field, int count) where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            await group.ReadAsync(field, nullable.AsMemory());
            return nullable.Select(v => v.HasValue ? Format(v.Value) : null).ToArray();
        }
        var values = new T[count];
        await group.ReadAsync(field, values.AsMemory());
        return values.Select(v => (string?)Format(v)).ToArray();
    }

    private static string Format<T>(T value) where T : struct => value switch
    {
        bool b => b ? "true" : "false",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    public void Dispose()
    {
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
