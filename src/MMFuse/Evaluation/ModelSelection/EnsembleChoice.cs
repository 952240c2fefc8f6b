using MMFuse.Fusion;

namespace MMFuse.Evaluation.ModelSelection;

/// <summary>What <see cref="EnsembleSelection"/> chose.</summary>
/// <param name="Strategy">The pick: a single strategy, or an <see cref="EnsembleStrategy"/> whose members repeat by weight.</param>
/// <param name="Weights">Each picked candidate and its share of the ensemble.</param>
/// <param name="Score">The pick's out-of-fold main metric (accuracy, or RMSE for regression).</param>
/// <param name="BestSingle">The best single candidate by the same score.</param>
/// <param name="BestSingleScore">Its out-of-fold main metric.</param>
/// <param name="Rounds">The main metric after each round of selection.</param>
public sealed record EnsembleChoice(IFusionStrategy Strategy, IReadOnlyList<EnsembleWeight> Weights, double Score, IFusionStrategy BestSingle,
    double BestSingleScore, IReadOnlyList<double> Rounds);

/// <summary>One picked candidate and its share of the ensemble (picks of it / all picks).</summary>
public sealed record EnsembleWeight(IFusionStrategy Strategy, double Weight);
