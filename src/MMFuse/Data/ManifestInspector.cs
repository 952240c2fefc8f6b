using MMFuse.Data.Leakage;
using MMFuse.Data.Readers;

namespace MMFuse.Data;

/// <summary>
/// Reads a manifest in two streaming passes: the first profiles the columns and infers the schema, the
/// second checks every row and gathers statistics of the rows kept. Bad rows follow the policy; under
/// <see cref="BadRowPolicy.Fail"/> any problem stops with one message naming every row, column and reason.
/// </summary>
public static class ManifestInspector
{
    /// <summary>At most this many bad rows are listed in one error or warning; the rest are counted.</summary>
    public const int MaxListedIssues = 20;

    /// <summary>Infers the schema, then checks every row and gathers the kept rows' statistics and data
    /// warnings.</summary>
    /// <param name="manifest">The table to read.</param>
    /// <param name="options">The label, task, forced roles and text cap.</param>
    /// <param name="policy">What a bad row does: fail the run, be skipped, or keep its bad cells as missing.</param>
    /// <param name="onRow">Called for each row kept, with cells that failed under the missing policy set to null.</param>
    public static InspectionResult Inspect(Manifest manifest, SchemaOptions options, BadRowPolicy policy, Action<RawRow, DatasetSchema>? onRow = null)
    {
        var (schema, profiles) = SchemaInferrer.Infer(manifest, options);
        var oddCells = OddFileCells.Notes(schema, profiles);
        var checker = new RowChecker(manifest, schema);
        var leakage = new LeakageScanner(schema);
        var textCap = new TextCellCap(schema, options.MaxTextChars);
        using var reader = manifest.OpenReader();
        var stats = reader.Columns.Select(c => new ColumnProfile(c)).ToArray();
        var invalid = new Dictionary<string, long>(StringComparer.Ordinal);
        var skipped = new List<DataIssue>();
        var missing = new List<DataIssue>();
        var errors = new List<DataIssue>();
        var classes = new Dictionary<string, (long Count, long FirstRow)>(StringComparer.Ordinal);
        long read = 0, kept = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        while (reader.TryRead(out var row))
        {
            read++;
            var (rowIssues, cellIssues) = checker.Check(row);
            foreach (var (column, _) in cellIssues)
                invalid[column.Name] = invalid.GetValueOrDefault(column.Name) + 1;
            if (policy == BadRowPolicy.Fail)
            {
                errors.AddRange(rowIssues);
                errors.AddRange(cellIssues.Select(c => c.Issue));
                if (rowIssues.Count + cellIssues.Count > 0) continue;
            }
            else if (rowIssues.Count > 0 || (policy == BadRowPolicy.Skip && cellIssues.Count > 0))
            {
                skipped.AddRange(rowIssues);
                if (policy == BadRowPolicy.Skip) skipped.AddRange(cellIssues.Select(c => c.Issue));
                continue;
            }
            foreach (var (column, issue) in cellIssues)
            {
                row.Values[column.Index] = null; // the missing policy: the modality is absent for this row
                missing.Add(issue);
            }
            kept++;
            textCap.Apply(row);
            for (var i = 0; i < stats.Length; i++)
                stats[i].Add(row.Values[i]);
            if (schema.LabelColumn is { } label && schema.Task == TaskKind.Regression)
            {
                ColumnProfile.TryParseNumber(row.Values[label.Index]!, out var y);
                (min, max, sum) = (Math.Min(min, y), Math.Max(max, y), sum + y);
            }
            else if (schema.Task == TaskKind.Multilabel)
            {
                // Each label counts the rows that have it, as a class counts its rows.
                var values = row.Values;
                foreach (var value in MultiLabelCells.Of(schema, c => values[schema[c].Index]))
                {
                    var seen = classes.GetValueOrDefault(value, (0, row.Number));
                    classes[value] = (seen.Count + 1, seen.FirstRow);
                }
            }
            else if (schema.LabelColumn is { } classLabel)
            {
                var value = row.Values[classLabel.Index]!;
                var seen = classes.GetValueOrDefault(value, (0, row.Number));
                classes[value] = (seen.Count + 1, seen.FirstRow);
            }
            leakage.Add(row);
            onRow?.Invoke(row, schema);
        }
        if (errors.Count > 0)
            throw new MMFuseInputException(Describe(errors, manifest) + string.Concat(oddCells.Select(n => "\nnote: " + n)) + "\n(DatasetOptions.BadRows = Skip leaves such rows out; DatasetOptions.BadRows = Missing treats bad files and numbers as absent)");
        if (read == 0)
            throw new MMFuseInputException($"manifest '{manifest.Path}' has a header but no data rows");
        if (kept == 0)
            throw new MMFuseInputException($"all {read} rows of '{manifest.Path}' have problems; nothing is left to use:\n" + Describe(skipped, manifest));

        var warnings = new List<string>(oddCells.Concat(textCap.Notes()));
        var labelSummary = schema.LabelColumn is null ? null : schema.Task == TaskKind.Regression
            ? new LabelSummary(schema.LabelColumn.Name, TaskKind.Regression, [], min, max, sum / kept)
            : Summarise(schema, stats[schema.LabelColumn.Index], classes, warnings);
        return new InspectionResult(manifest, schema, read, kept, stats, invalid, labelSummary, skipped, missing, warnings, leakage.Warnings());
    }

    private static LabelSummary Summarise(DatasetSchema schema, ColumnProfile label, Dictionary<string, (long Count, long FirstRow)> classes, List<string> warnings)
    {
        foreach (var (name, (count, firstRow)) in classes)
            if (count == 1)
                warnings.Add($"class '{name}' of label '{label.Name}' has a single example (row {firstRow}): it cannot be stratified across folds");
        var ordered = LabelOrder.Sort(classes.Keys).Select(k => new KeyValuePair<string, long>(k, classes[k].Count)).ToList();
        return new LabelSummary(label.Name, schema.Task!.Value, ordered, null, null, null);
    }

    private static string Describe(IReadOnlyList<DataIssue> issues, Manifest manifest)
    {
        var rows = issues.Select(i => i.Row).Distinct().Count();
        var lines = issues.Take(MaxListedIssues).Select(i => "  " + i);
        var more = issues.Count > MaxListedIssues ? $"\n  ... and {issues.Count - MaxListedIssues} more" : "";
        return $"{Path.GetFileName(manifest.Path)}: {issues.Count} problem(s) in {rows} row(s):\n{string.Join('\n', lines)}{more}";
    }
}
