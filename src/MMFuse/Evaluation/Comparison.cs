using MMFuse.Data;
using MMFuse.Evaluation.Jobs;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;

namespace MMFuse.Evaluation;

/// <summary>
/// Runs several strategies under the very same folds and ranks them by the main metric (accuracy, or RMSE for
/// regression). Unimodal baselines are run per modality with each candidate learner; only the best per modality
/// stays on the leaderboard, as "each modality alone with its best learner".
/// </summary>
public static class Comparison
{
    /// <summary>Cross-validates each of <paramref name="strategies"/> on the same <paramref name="folds"/>, reusing
    /// members' results for ensembles; <paramref name="onResult"/> hears of each result, in list order, as it is ready.
    /// Returns the results ranked (see <see cref="Rank"/>), each modality alone only with its best learner. The
    /// (strategy, fold) jobs run on <paramref name="runner"/>: null runs them here, each strategy's folds on up to
    /// <paramref name="parallelism"/> threads; a cluster runner spreads them over workers with the same results.</summary>
    public static IReadOnlyList<CrossValidationResult> Run(
        FeatureSet features, float[] targets, TaskKind task, int classCount, IReadOnlyList<Fold> folds,
        IReadOnlyList<IFusionStrategy> strategies, NormalizeMode normalize, int seed, int parallelism,
        Action<IFusionStrategy, CrossValidationResult>? onResult = null, IReadOnlyList<FeatureSet>? augmented = null,
        TestTimeMissing? testMissing = null, FeatureSet? testFeatures = null, CancellationToken cancel = default, IFoldRunner? runner = null,
        SampleWeighting? weighting = null)
    {
        return ForLeaderboard(RunAll(features, targets, task, classCount, folds, strategies, normalize, seed, parallelism, onResult, augmented, testMissing,
            testFeatures, cancel, runner, weighting), task);
    }

    /// <summary>The results ranked (see <see cref="Rank"/>), each modality alone only with its best learner.</summary>
    public static List<CrossValidationResult> ForLeaderboard(IReadOnlyList<CrossValidationResult> all, TaskKind task)
    {
        var unimodalBest = all.Where(r => r.Fusion == "unimodal")
            .GroupBy(r => r.Strategy.Split("-only/")[0])
            .Select(g => Rank(g, task).First());
        return Rank(all.Where(r => r.Fusion != "unimodal").Concat(unimodalBest), task);
    }

    /// <summary>As <see cref="Run"/>, but every strategy's result in list order, none left out or ranked: what model
    /// selection chooses from (<see cref="ModelSelection.NestedSelection"/>).</summary>
    public static IReadOnlyList<CrossValidationResult> RunAll(
        FeatureSet features, float[] targets, TaskKind task, int classCount, IReadOnlyList<Fold> folds,
        IReadOnlyList<IFusionStrategy> strategies, NormalizeMode normalize, int seed, int parallelism,
        Action<IFusionStrategy, CrossValidationResult>? onResult = null, IReadOnlyList<FeatureSet>? augmented = null,
        TestTimeMissing? testMissing = null, FeatureSet? testFeatures = null, CancellationToken cancel = default, IFoldRunner? runner = null,
        SampleWeighting? weighting = null)
    {
        var work = new FoldWork(features, targets, task, classCount, folds, normalize, seed, augmented, testMissing, testFeatures) { Weighting = weighting };
        // Which strategies need jobs: each distinct object once, except an ensemble whose members are all listed before it.
        var earlier = new HashSet<IFusionStrategy>(ReferenceEqualityComparer.Instance);
        var toRun = new List<IFusionStrategy>();
        foreach (var strategy in strategies)
        {
            if (earlier.Add(strategy) && !(strategy is EnsembleStrategy e && e.Members.All(m => earlier.Contains(m) && !ReferenceEquals(m, e))))
                toRun.Add(strategy);
        }
        var results = new CrossValidationResult?[strategies.Count];
        var ran = new Dictionary<IFusionStrategy, CrossValidationResult>(ReferenceEqualityComparer.Instance);
        var done = new Dictionary<IFusionStrategy, StrategyOutcome>(ReferenceEqualityComparer.Instance);
        var gate = new Lock();
        var next = 0;
        // Results are announced in list order as soon as every strategy before them is done, so progress reads the
        // same whether the jobs ran here strategy after strategy or all at once on a cluster.
        void Announce()
        {
            for (; next < strategies.Count; next++)
            {
                var strategy = strategies[next];
                if (!ran.TryGetValue(strategy, out var result))
                {
                    if (done.TryGetValue(strategy, out var outcome))
                        result = CrossValidator.Result(strategy, work, outcome);
                    else if (FromMembers(strategy, ran, targets, task, classCount, folds, weighting) is not { } fromMembers)
                        return;
                    else
                        result = fromMembers;
                    ran[strategy] = result;
                }
                results[next] = result;
                onResult?.Invoke(strategy, result);
            }
        }
        (runner ?? new LocalFoldRunner(parallelism)).Run(work, toRun, (i, outcome) =>
        {
            lock (gate)
            {
                done[toRun[i]] = outcome;
                Announce();
            }
        }, cancel);
        lock (gate)
            Announce();
        if (next < strategies.Count)
            throw new InvalidOperationException($"the fold runner did not finish strategy '{strategies[next].Name}'");
        return results.Select(r => r!).ToList();
    }

    /// <summary>
    /// An ensemble whose members already ran under these folds — the very strategy objects, not merely ones of the
    /// same name, whose options could differ — is scored from their fold predictions instead of training every
    /// member again: a member fitted inside the ensemble sees the same rows, options and seed as the member run on
    /// its own, so the averaged predictions are the very ones the ensemble would make. Its seconds are the members'
    /// seconds summed: what the ensemble costs to train on its own.
    /// </summary>
    private static CrossValidationResult? FromMembers(IFusionStrategy strategy, IReadOnlyDictionary<IFusionStrategy, CrossValidationResult> ran,
        float[] targets, TaskKind task, int classCount, IReadOnlyList<Fold> folds, SampleWeighting? weighting)
    {
        if (strategy is not EnsembleStrategy ensemble)
            return null;
        var members = ensemble.Members.Select(m => ran.GetValueOrDefault(m)).ToList();
        if (members.Any(m => m is null))
            return null;
        var predictions = new float[folds.Count][][];
        var scores = new IReadOnlyDictionary<string, double>[folds.Count];
        for (var f = 0; f < folds.Count; f++)
        {
            predictions[f] = EnsembleStrategy.Average(members.Select(m => m!.FoldPredictions[f]).ToList());
            scores[f] = FoldScorer.Score(task, classCount, predictions[f], folds[f].Test.Select(i => targets[i]).ToArray(), weighting?.ForTest(folds[f].Test));
        }
        var result = CrossValidator.Result(strategy, task, folds, scores, predictions, members.Sum(m => m!.Seconds));
        // Every member predicted the same blanked rows, so their presence subsets are the ensemble's.
        return members[0]!.FoldSubsets is { } subsets ? CrossValidator.WithSubsets(result, subsets, targets, task, classCount) : result;
    }

    /// <summary>The metric a leaderboard is ranked by: accuracy, RMSE for regression, micro F1 for multi-label.</summary>
    public static string MainMetric(TaskKind task) => FoldScorer.MetricNames(task)[0];

    /// <summary>The results best first by the main metric (undefined scores last, ties by strategy name).</summary>
    public static List<CrossValidationResult> Rank(IEnumerable<CrossValidationResult> results, TaskKind task)
    {
        var metric = MainMetric(task);
        var sign = FoldScorer.HigherIsBetter(metric) ? -1 : 1;
        return results.OrderBy(r => double.IsFinite(r.Metrics[metric].Mean) ? sign * r.Metrics[metric].Mean : double.MaxValue)
            .ThenBy(r => r.Strategy, StringComparer.Ordinal).ToList();
    }
}
