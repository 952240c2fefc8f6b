namespace MMFuse.Evaluation.Tuning;

/// <summary>What one configuration scored: its values, its main metric on each inner fold it reached, and the mean
/// after each rung it completed.</summary>
/// <param name="Config">The configuration.</param>
/// <param name="Settings">Its values as the reports show them.</param>
/// <param name="FoldScores">The main metric on inner folds 0, 1, ... in the order they were scored.</param>
/// <param name="RungScores">The mean over the folds of each rung it completed (rung 0 first).</param>
public sealed record TrialRecord(TrialConfig Config, IReadOnlyDictionary<string, string> Settings, IReadOnlyList<double> FoldScores, IReadOnlyList<double> RungScores)
{
    /// <summary>The highest rung it completed (0 = the first), or -1 when the budget ran out before its first fold.</summary>
    public int Rung => RungScores.Count - 1;
}
