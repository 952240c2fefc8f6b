using MMFuse.Evaluation;
using MMFuse.Fusion;

namespace MMFuse;

/// <summary>One strategy's place on a leaderboard: the strategy object itself (train it with
/// <see cref="MultimodalDataset.Train(IFusionStrategy, EvaluationOptions?, IProgress{MMFuseProgress}?, CancellationToken)"/>), its cross-validation
/// result, the modalities it used, its main metric and, under grouped folds, the same metric under random folds.</summary>
public sealed record LeaderboardRow(IFusionStrategy Strategy, CrossValidationResult Result, IReadOnlyList<string> Modalities, double MainMetric, double? RandomFolds);
