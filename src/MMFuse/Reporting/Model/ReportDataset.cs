namespace MMFuse.Reporting;

/// <summary>What went in: the manifest, its columns' roles, how much of each modality is missing, the class balance.</summary>
/// <param name="ManifestName">The manifest's file name.</param>
/// <param name="Rows">Rows used.</param>
/// <param name="Columns">Each column with its role.</param>
/// <param name="MissingPerModality">Rows whose value for the modality is missing (Name = modality).</param>
/// <param name="ClassBalance">Rows per label value (classification); empty or null for regression.</param>
/// <param name="Warnings">What makes the scores below look better than they will be in use (label leaks, id-like
/// features, missing-value patterns), as "column (kind): detail".</param>
public sealed record ReportDataset(
    string ManifestName,
    int Rows,
    ReportColumn[] Columns,
    ReportCount[] MissingPerModality,
    ReportCount[]? ClassBalance = null,
    string[]? Warnings = null);
