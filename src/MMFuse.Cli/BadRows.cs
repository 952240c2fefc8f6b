using MMFuse.Data;

namespace MMFuse.Cli;

/// <summary>
/// One way for every data command to account for bad rows: rows skipped in validation or extraction and cells
/// made absent are counted on stderr and listed with their reasons in bad-rows.csv beside the command's output
/// (or where <c>--bad-rows</c> says). Nothing is dropped silently.
/// </summary>
internal static class BadRows
{
    public static void Report(CliContext context, InspectionResult inspection, IEnumerable<DataIssue> fileFailures, BadRowPolicy policy,
        string? badRowsPath, string? outputPath)
    {
        var failures = fileFailures.ToList();
        var skipped = inspection.SkippedRows.Concat(policy == BadRowPolicy.Skip ? failures : []).ToList();
        var absent = inspection.MissingCells.Concat(policy == BadRowPolicy.Missing ? failures : []).ToList();
        if (skipped.Count == 0 && absent.Count == 0)
            return;
        var folder = outputPath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        var path = badRowsPath ?? Path.Combine(folder, "bad-rows.csv");
        BadRowsReport.Write(path, skipped, absent);
        var skippedRows = inspection.RowsSkipped + (policy == BadRowPolicy.Skip ? failures.Select(f => f.Row).Distinct().Count() : 0);
        if (skippedRows > 0)
            context.Warn($"{skippedRows} of {inspection.RowsRead} rows skipped ({skipped.Count} problems); see {path}");
        if (absent.Count > 0)
            context.Warn($"{absent.Count} bad cells treated as absent (missing modality); see {path}");
    }
}
