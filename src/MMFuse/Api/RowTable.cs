using System.Globalization;
using MMFuse.Bundle;
using MMFuse.Data;
using MMFuse.Data.Leakage;
using MMFuse.Features.Extraction;
using MMFuse.IO;

namespace MMFuse;

/// <summary>
/// Rows built in code as a <see cref="FeatureTable"/> in the model's schema, checked as a table's rows are: every value
/// must fit its column's role, media must be an image or audio format by their first bytes, and nothing unknown is
/// accepted. Messages name the row index (0-based, as in the list given) and the column, never the content.
/// </summary>
internal static class RowTable
{
    public static FeatureTable Build(IReadOnlyList<MultimodalRow> rows, ModelFile model, PredictOptions options)
    {
        var needed = model.Plan.Columns.ToList();
        var roles = needed.ToDictionary(c => c, c => model.Manifest.Schema.Columns.First(s => s.Name == c).Role);
        var schema = new DatasetSchema(needed.Select((c, i) => new ColumnSchema(c, i, roles[c], "the model's role")).ToList(), null, model.Task);
        var cells = needed.Where(c => roles[c] is ColumnRole.Image or ColumnRole.Audio or ColumnRole.Text).ToDictionary(c => c, _ => new List<FeatureCell>());
        var values = needed.Where(c => roles[c] is ColumnRole.Text or ColumnRole.Numeric or ColumnRole.Categorical).ToDictionary(c => c, _ => new List<string?>());
        var ids = new List<string>();
        var cut = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r] ?? throw Problem(r, null, "the row is null");
            var unknown = row.Values.Keys.FirstOrDefault(k => !roles.ContainsKey(k));
            if (unknown is not null)
                throw Problem(r, unknown, $"the model has no such column; it uses {string.Join(", ", needed)}");
            ids.Add(row.Id ?? r.ToString(CultureInfo.InvariantCulture));
            foreach (var column in needed)
            {
                var value = row[column];
                var role = roles[column];
                if (role is ColumnRole.Image or ColumnRole.Audio)
                {
                    cells[column].Add(Media(r, column, role, value, options));
                    continue;
                }
                var text = Text(r, column, role, value);
                if (role == ColumnRole.Text && text is { Length: var n } && n > options.MaxTextChars)
                {
                    text = text[..options.MaxTextChars];
                    cut++;
                }
                values[column].Add(text);
                if (role == ColumnRole.Text)
                    cells[column].Add(new FeatureCell(r + 1, null, text));
            }
        }
        var notes = cut > 0 ? new[] { $"{cut} text cell(s) cut to {options.MaxTextChars} characters" } : [];
        var inspection = new InspectionResult(Manifest.InMemory(), schema, rows.Count, rows.Count, [], new Dictionary<string, long>(), null, [], [], notes,
            Array.Empty<DataWarning>());
        return FeatureTable.FromRows(inspection, Enumerable.Range(1, rows.Count).Select(i => (long)i).ToList(), ids,
            cells.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<FeatureCell>)kv.Value, StringComparer.Ordinal),
            values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string?>)kv.Value, StringComparer.Ordinal));
    }

    private static FeatureCell Media(int r, string column, ColumnRole role, object? value, PredictOptions options)
    {
        var row = r + 1L;
        switch (value)
        {
            case null:
                return new FeatureCell(row, null, null);
            case string path:
                return new FeatureCell(row, AllowedPath(r, column, path, options), null);
            case byte[] bytes:
                return Bytes(r, column, role, bytes, options);
            case ReadOnlyMemory<byte> memory:
                return Bytes(r, column, role, memory.ToArray(), options);
            case Stream stream:
                return Bytes(r, column, role, ReadBounded(r, column, stream, options.MaxMediaBytes), options);
            default:
                throw Problem(r, column, $"a {role.Name()} is given as bytes or a stream, not a {value.GetType().Name}");
        }
    }

    private static FeatureCell Bytes(int r, string column, ColumnRole role, byte[] bytes, PredictOptions options)
    {
        if (bytes.Length == 0)
            throw Problem(r, column, $"the {role.Name()} is empty");
        if (bytes.LongLength > options.MaxMediaBytes)
            throw Problem(r, column, $"the {role.Name()} has {bytes.LongLength} bytes, above the limit of {options.MaxMediaBytes}");
        var header = bytes.AsSpan(0, Math.Min(bytes.Length, FileSignature.HeaderLength));
        if (FileSignature.Detect(role, header) is null)
            throw Problem(r, column, $"not a recognised {(role == ColumnRole.Image ? "image" : "audio clip")}; {FileSignature.ExpectedFormats(role)}");
        return new FeatureCell(r + 1, null, null) { Content = bytes };
    }

    private static byte[] ReadBounded(int r, string column, Stream stream, long limit)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > limit)
                throw Problem(r, column, $"the stream holds more than the limit of {limit} bytes");
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    /// <summary>A file path is taken only inside the allowed folder, as a regular file (never a device or pipe).</summary>
    private static string AllowedPath(int r, string column, string path, PredictOptions options)
    {
        if (options.AllowedPathRoot is not { } root)
            throw Problem(r, column, "file paths are not accepted here; send the file's bytes");
        var full = Path.GetFullPath(Path.Combine(root, path));
        var folder = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(folder, StringComparison.Ordinal))
            throw Problem(r, column, "the file path is outside the allowed folder");
        if (!File.Exists(full))
            throw Problem(r, column, "no such file in the allowed folder");
        if (RegularFile.Problem(full) is { } problem)
            throw Problem(r, column, problem);
        // Every link along the path is followed (a linked folder on the way leads out as surely as a linked file).
        if (!IO.RealPath.IsInside(IO.RealPath.Of(full), IO.RealPath.Of(root)))
            throw Problem(r, column, "the file path is outside the allowed folder");
        return full;
    }

    private static string? Text(int r, string column, ColumnRole role, object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string s when role == ColumnRole.Numeric:
                return ColumnProfile.TryParseNumber(s, out var parsed) && double.IsFinite(parsed) ? s
                    : throw Problem(r, column, "not a number");
            case string s:
                return s;
            case bool when role == ColumnRole.Numeric:
                throw Problem(r, column, "not a number");
            case bool b:
                return b ? "true" : "false";
            case byte[] or Stream or ReadOnlyMemory<byte>:
                throw Problem(r, column, $"a {role.Name()} value is given as text or a number, not bytes");
            case IConvertible number when IsNumber(number):
                var d = number.ToDouble(CultureInfo.InvariantCulture);
                return double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : throw Problem(r, column, "not a finite number");
            default:
                throw Problem(r, column, $"a {role.Name()} value is given as text or a number, not a {value.GetType().Name}");
        }
    }

    private static bool IsNumber(IConvertible value) => value.GetTypeCode() is TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16
        or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal;

    /// <summary>The refusal for row <paramref name="r"/> (0-based), naming the column when one is at fault.</summary>
    internal static MMFuseInputException Problem(int r, string? column, string reason) =>
        new(column is null ? $"row index {r}: {reason}" : $"row index {r}, column '{column}': {reason}") { RowIndex = r, Column = column };
}
