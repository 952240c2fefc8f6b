using System.Globalization;

namespace MMFuse.Reporting.Runs;

/// <summary>The report's sentence on nested selection: what <c>--fusion best</c> trains and its honest score.</summary>
internal static class SelectionSummary
{
    /// <summary>Null under flat selection.</summary>
    public static string? Of(Leaderboard board)
    {
        if (board.Nested is not { } nested || board.Choice is not { } choice)
            return null;
        var metric = board.Metric;
        var summary = nested.Metrics[metric];
        var picks = string.Join("; ", nested.Folds.Select((f, i) => $"fold {i + 1}: {f.Choice.Strategy.Name} ({F(f.Scores[metric])})"));
        return $"Nested selection: --fusion best trains {choice.Strategy.Name} (ensemble selection on all rows, out-of-fold {metric} {F(choice.Score)}). "
            + $"Scored honestly — picked by an inner {nested.InnerFolds}-fold cross-validation inside each outer training part — the procedure reaches "
            + $"{metric} {F(summary.Mean)} ± {F(summary.Std)}, against {F(board.Rows[0].MainMetric)} for the leaderboard's winner picked on the folds "
            + $"that scored it. Outer folds' picks: {picks}.";
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
