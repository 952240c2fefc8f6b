namespace MMFuse.Reporting;

/// <summary>A metric over folds: mean, standard deviation and the 95 % interval [Low, High].</summary>
public sealed record ReportMetric(string Name, double Mean, double Std, double Low, double High);
