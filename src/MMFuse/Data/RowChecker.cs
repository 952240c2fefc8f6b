using MMFuse.Data.Readers;
using MMFuse.IO;

namespace MMFuse.Data;

/// <summary>
/// Checks one row against the schema: structure, label, numbers, files (present, readable, a header that
/// matches the column's type) and unique ids. Returns every problem found; it never throws for bad data.
/// </summary>
internal sealed class RowChecker(Manifest manifest, DatasetSchema schema)
{
    private readonly Dictionary<ulong, long> _ids = [];
    private readonly ColumnSchema? _label = schema.LabelColumn;
    private readonly ColumnSchema? _id = schema.IdColumn;
    private readonly ColumnSchema? _weight = schema.WithRole(ColumnRole.Weight).FirstOrDefault();
    private readonly ColumnSchema[] _moreLabels = schema.MoreLabels.Select(n => schema[n]).ToArray();

    /// <summary>Problems that make the whole row unusable (structure, label, id) and cell problems (numbers, files).</summary>
    public (List<DataIssue> RowIssues, List<(ColumnSchema Column, DataIssue Issue)> CellIssues) Check(RawRow row)
    {
        var rowIssues = new List<DataIssue>();
        var cellIssues = new List<(ColumnSchema, DataIssue)>();
        if (row.StructuralError is not null)
        {
            rowIssues.Add(new DataIssue(row.Number, row.Line, null, row.StructuralError));
            return (rowIssues, cellIssues);
        }
        if (_label is not null)
        {
            var value = row.Values[_label.Index];
            if (value is null)
            {
                // A separated label cell may be empty: the row has none of the labels.
                if (schema.LabelSeparator is null)
                    rowIssues.Add(Issue(row, _label, "the label is empty"));
            }
            else if (schema.Task == TaskKind.Regression && !ColumnProfile.TryParseNumber(value, out _))
                rowIssues.Add(Issue(row, _label, $"'{value}' is not a number (the task is regression)"));
        }
        // Several label columns: each is a 0/1 flag (the first one's emptiness is reported above).
        foreach (var label in _moreLabels.Length > 0 ? _moreLabels.Prepend(_label!) : [])
        {
            var flag = row.Values[label.Index];
            if (flag is null && label != _label)
                rowIssues.Add(Issue(row, label, "the label is empty"));
            else if (flag is not null && !MultiLabelFlag.TryParse(flag, out _))
                rowIssues.Add(Issue(row, label, $"'{flag}' is not 0 or 1 (each label column of a multilabel task is a 0/1 flag)"));
        }
        if (_id is not null)
        {
            var value = row.Values[_id.Index];
            if (value is null)
                rowIssues.Add(Issue(row, _id, "the id is empty"));
            else if (!_ids.TryAdd(ColumnProfile.Hash(value), row.Number))
                rowIssues.Add(Issue(row, _id, $"duplicate id '{value}' (first seen at row {_ids[ColumnProfile.Hash(value)]})"));
        }
        if (_weight is not null && WeightCell.Problem(row.Values[_weight.Index]) is { } weightProblem)
            rowIssues.Add(Issue(row, _weight, weightProblem));
        foreach (var column in schema.Columns)
        {
            var value = row.Values[column.Index];
            if (value is null)
                continue;
            var reason = column.Role switch
            {
                ColumnRole.Numeric when !ColumnProfile.TryParseNumber(value, out _) => $"'{value}' is not a number",
                ColumnRole.Image or ColumnRole.Audio => CheckFile(value, column.Role),
                _ => null,
            };
            if (reason is not null)
                cellIssues.Add((column, Issue(row, column, reason)));
        }
        return (rowIssues, cellIssues);
    }

    private static DataIssue Issue(RawRow row, ColumnSchema column, string reason) => new(row.Number, row.Line, column.Name, reason);

    private string? CheckFile(string cell, ColumnRole role)
    {
        var path = manifest.ResolvePath(cell);
        Span<byte> header = stackalloc byte[FileSignature.HeaderLength];
        int read;
        try
        {
            // Checked before opening: a FIFO or device named in a cell would block the open or never end.
            if (RegularFile.Problem(path) is { } problem)
                return $"{problem}: {path}";
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (FileNotFoundException) { return $"file not found: {path}"; }
        catch (DirectoryNotFoundException) { return $"file not found: {path}"; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot read file {path}: {ex.Message}";
        }
        if (read == 0)
            return $"file is empty: {path}";
        // Named by the formats expected, never by its first bytes: a cell may name any readable file (../../etc/shadow).
        return FileSignature.Detect(role, header[..read]) is null
            ? $"{path} is not a recognised {role.Name()} file; {FileSignature.ExpectedFormats(role)}"
            : null;
    }
}
