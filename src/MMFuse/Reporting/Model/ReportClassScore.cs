namespace MMFuse.Reporting;

/// <summary>F1 of one class; Support is the number of rows with that true label, when known.</summary>
public sealed record ReportClassScore(string Class, double F1, int? Support = null);
