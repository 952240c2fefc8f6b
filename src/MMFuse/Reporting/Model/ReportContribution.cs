namespace MMFuse.Reporting;

/// <summary>How much the model leans on each modality, measured with <see cref="Metric"/>.</summary>
public sealed record ReportContribution(string Metric, ReportModalityContribution[] Modalities);
