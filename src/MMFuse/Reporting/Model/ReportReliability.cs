namespace MMFuse.Reporting;

/// <summary>Calibration: confidence bins and the expected calibration error.</summary>
public sealed record ReportReliability(ReportReliabilityBin[] Bins, double Ece);
