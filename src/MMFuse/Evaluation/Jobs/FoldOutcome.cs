namespace MMFuse.Evaluation.Jobs;

/// <summary>What one (strategy, fold) job produces: the fold's metrics, its test rows' predictions and, under test-time
/// missingness, each test row's presence subset.</summary>
/// <param name="Scores">Metric name → value on the fold's test rows.</param>
/// <param name="Predictions">Per test row: class probabilities (or the single predicted value).</param>
/// <param name="Subsets">Per test row, the modalities left present; null without test-time missingness.</param>
/// <param name="Seconds">Wall-clock seconds the job took where it ran (timing only; never part of a result's identity).</param>
public sealed record FoldOutcome(IReadOnlyDictionary<string, double> Scores, float[][] Predictions, string[]? Subsets, double Seconds);
