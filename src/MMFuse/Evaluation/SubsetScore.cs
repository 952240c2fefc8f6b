namespace MMFuse.Evaluation;

/// <summary>The main metric over the test rows of one presence subset ("all present", "only image", ...).</summary>
public sealed record SubsetScore(string Subset, int Rows, string Metric, double Value);
