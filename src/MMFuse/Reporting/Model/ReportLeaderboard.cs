namespace MMFuse.Reporting;

/// <summary>Strategies ranked best first (the writer keeps the given order).</summary>
/// <param name="Rows">One row per strategy, best first.</param>
/// <param name="Verdict">Optional sentence comparing the top two (e.g. a paired test's conclusion).</param>
public sealed record ReportLeaderboard(ReportLeaderboardRow[] Rows, string? Verdict = null)
{
    /// <summary>Under nested selection: the honest score of <c>--fusion best</c> and each outer fold's pick.</summary>
    public string? Selection { get; init; }
}
