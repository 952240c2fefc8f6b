namespace MMFuse.Evaluation.Jobs;

/// <summary>One strategy's jobs, in fold order, and the seconds they cost (wall clock locally, summed job time on a cluster).</summary>
public sealed record StrategyOutcome(IReadOnlyList<FoldOutcome> Folds, double Seconds);
