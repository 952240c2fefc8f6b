using MMFuse.Data.Leakage;

namespace MMFuse.Data;

/// <summary>What one validated pass over a manifest found: the schema, per-column statistics of the rows kept,
/// the label distribution, the rows skipped and the cells marked missing, with reasons, and what makes scores lie
/// (<see cref="DataWarnings"/>: label leaks, id-like features, missing-value patterns).</summary>
public sealed record InspectionResult(
    Manifest Manifest,
    DatasetSchema Schema,
    long RowsRead,
    long RowsKept,
    IReadOnlyList<ColumnProfile> Columns,
    IReadOnlyDictionary<string, long> InvalidCells,
    LabelSummary? Label,
    IReadOnlyList<DataIssue> SkippedRows,
    IReadOnlyList<DataIssue> MissingCells,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<DataWarning> DataWarnings)
{
    /// <summary>Rows read but left out under the bad-row policy.</summary>
    public long RowsSkipped => RowsRead - RowsKept;
}

/// <summary>The label's classes with their counts (classification, ordered), or its range (regression).</summary>
public sealed record LabelSummary(string Name, TaskKind Task, IReadOnlyList<KeyValuePair<string, long>> Classes, double? Min, double? Max, double? Mean);
