namespace MMFuse.Reporting;

/// <summary>Metric with all modalities (Full), with this one removed (Ablated), and the resulting reliance score.</summary>
public sealed record ReportModalityContribution(string Modality, double Full, double Ablated, double Reliance);
