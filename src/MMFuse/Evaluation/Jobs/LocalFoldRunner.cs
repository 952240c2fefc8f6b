using System.Diagnostics;
using MMFuse.Fusion;

namespace MMFuse.Evaluation.Jobs;

/// <summary>Runs the jobs in this process: strategy after strategy, each strategy's folds side by side on up to
/// <paramref name="parallelism"/> threads. Outcomes are kept in fold order, so scheduling never changes a result.</summary>
public sealed class LocalFoldRunner(int parallelism) : IFoldRunner
{
    /// <inheritdoc />
    public IReadOnlyList<StrategyOutcome> Run(FoldWork work, IReadOnlyList<IFusionStrategy> strategies, Action<int, StrategyOutcome>? strategyDone,
        CancellationToken cancel)
    {
        var outcomes = new StrategyOutcome[strategies.Count];
        for (var s = 0; s < strategies.Count; s++)
        {
            cancel.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var folds = new FoldOutcome[work.Folds.Count];
            var strategy = strategies[s];
            Parallel.For(0, folds.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancel },
                f => folds[f] = CrossValidator.RunFold(work, strategy, f));
            outcomes[s] = new StrategyOutcome(folds, clock.Elapsed.TotalSeconds);
            strategyDone?.Invoke(s, outcomes[s]);
        }
        return outcomes;
    }
}
