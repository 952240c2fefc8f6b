namespace MMFuse.Reporting;

/// <summary>Strategies ranked best first (the writer keeps the given order).</summary>
/// <param name="Rows">One row per strategy, best first.</param>
/// <param name="Verdict">Optional sentence comparing the top two (e.g. a paired test's conclusion).</param>
/// <param name="Weighting">A sentence on what weighs the rows and whether the metrics are weighted; null when nothing does.</param>
public sealed record ReportLeaderboard(ReportLeaderboardRow[] Rows, string? Verdict = null, string? Weighting = null)
{
    /// <summary>Under nested selection: the honest score of <c>--fusion best</c> and each outer fold's pick.</summary>
    public string? Selection { get; init; }
}
