namespace MMFuse.Reporting;

/// <summary>Counts[true][predicted], rows and columns in the order of <see cref="Classes"/>.</summary>
public sealed record ReportConfusion(string[] Classes, int[][] Counts);
