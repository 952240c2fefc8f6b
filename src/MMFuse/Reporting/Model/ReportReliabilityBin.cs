namespace MMFuse.Reporting;

/// <summary>One confidence bin: mean predicted confidence, accuracy, and how many rows fell in it.</summary>
public sealed record ReportReliabilityBin(double MeanConfidence, double Accuracy, int Count);
