namespace MMFuse.Reporting;

/// <summary>Per-epoch losses of a jointly trained network; ValidationLoss may be null when none was held out.</summary>
public sealed record ReportLearningCurve(string Strategy, double[] TrainLoss, double[]? ValidationLoss = null);
