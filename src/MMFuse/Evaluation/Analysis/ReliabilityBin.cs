namespace MMFuse.Evaluation.Analysis;

/// <summary>One bin (Lower, Upper] of a reliability diagram; the means are null for an empty bin.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double? MeanConfidence, double? Accuracy);
