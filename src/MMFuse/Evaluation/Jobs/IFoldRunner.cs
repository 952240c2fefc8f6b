using MMFuse.Fusion;

namespace MMFuse.Evaluation.Jobs;

/// <summary>
/// Runs every (strategy, fold) job of a cross-validation: in this process (<see cref="LocalFoldRunner"/>) or spread over
/// other machines (the MMFuse.Cluster package). Whatever runs them, each job's outcome is
/// <see cref="CrossValidator.RunFold"/>'s, so the assembled results do not depend on the runner.
/// </summary>
public interface IFoldRunner
{
    /// <summary>Runs each strategy on each of <paramref name="work"/>'s folds.</summary>
    /// <param name="work">The shared data, folds and settings.</param>
    /// <param name="strategies">The strategies to run (each distinct object once).</param>
    /// <param name="strategyDone">Called once per strategy, with its index, as soon as all its folds are done (any thread).</param>
    /// <param name="cancel">Stops the run.</param>
    /// <returns>Per strategy, in the given order, its fold outcomes in fold order.</returns>
    IReadOnlyList<StrategyOutcome> Run(FoldWork work, IReadOnlyList<IFusionStrategy> strategies, Action<int, StrategyOutcome>? strategyDone,
        CancellationToken cancel);
}
