namespace MMFuse.Bench;

/// <summary>One measured side of a row (MMFuse, a peer, a bound), one value per round, in <see cref="Unit"/>.</summary>
internal sealed record SideResult(string Name, string Unit, double[] Values)
{
    public double Median => Stats.Median(Values);
}

/// <summary>
/// A goal check: a ratio between two sides measured in the same rounds (median of the per-round ratios),
/// or an absolute figure. <see cref="AtLeast"/> false means the goal is an upper bound. <see cref="WhenMissed"/>
/// says what holds the figure back; the report prints it only when the goal is missed. <see cref="Unit"/> follows the
/// figure in the report ("×" for ratios).
/// </summary>
internal sealed record CheckResult(string Name, double[] PerRound, double Goal, bool AtLeast, string GoalText, string? WhenMissed = null,
    string Unit = "×")
{
    public double Median => Stats.Median(PerRound);
    public bool Reached => AtLeast ? Median >= Goal : Median <= Goal;
}

/// <summary>One table row of the report, with the raw per-round numbers behind it.</summary>
internal sealed record RowResult(string Id, string Title, string Workload, IReadOnlyList<SideResult> Sides,
    IReadOnlyList<CheckResult> Checks, IReadOnlyList<string> Notes, string LoadBefore, string LoadAfter);

internal static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Per-round a[i] / b[i]: both sides of a round ran back to back under the same load.</summary>
    public static double[] Ratios(SideResult a, SideResult b) => [.. a.Values.Zip(b.Values, (x, y) => x / y)];
}
