using MMFuse.Data;
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
    /// <summary>Cross-validates each of <paramref name="strategies"/> on the same <paramref name="folds"/>, in order,
    /// reusing members' results for ensembles; <paramref name="onResult"/> hears of each result as it is ready. Returns
    /// the results unranked (see <see cref="Rank"/>).</summary>
    public static IReadOnlyList<CrossValidationResult> Run(
        FeatureSet features, float[] targets, TaskKind task, int classCount, IReadOnlyList<Fold> folds,
        IReadOnlyList<IFusionStrategy> strategies, NormalizeMode normalize, int seed, int parallelism,
        Action<IFusionStrategy, CrossValidationResult>? onResult = null, IReadOnlyList<FeatureSet>? augmented = null,
        TestTimeMissing? testMissing = null, FeatureSet? testFeatures = null, CancellationToken cancel = default)
    {
        var results = new List<CrossValidationResult>();
        var ran = new Dictionary<IFusionStrategy, CrossValidationResult>(ReferenceEqualityComparer.Instance);
        foreach (var strategy in strategies)
        {
            cancel.ThrowIfCancellationRequested();
            var result = FromMembers(strategy, ran, targets, task, classCount, folds)
                ?? CrossValidator.Run(features, targets, task, classCount, folds, strategy, normalize, seed, parallelism, augmented, testMissing, testFeatures, cancel);
            onResult?.Invoke(strategy, result);
            results.Add(result);
            ran.TryAdd(strategy, result);
        }
        var unimodalBest = results.Where(r => r.Fusion == "unimodal")
            .GroupBy(r => r.Strategy.Split("-only/")[0])
            .Select(g => Rank(g, task).First());
        return Rank(results.Where(r => r.Fusion != "unimodal").Concat(unimodalBest), task);
    }

    /// <summary>
    /// An ensemble whose members already ran under these folds — the very strategy objects, not merely ones of the
    /// same name, whose options could differ — is scored from their fold predictions instead of training every
    /// member again: a member fitted inside the ensemble sees the same rows, options and seed as the member run on
    /// its own, so the averaged predictions are the very ones the ensemble would make. Its seconds are the members'
    /// seconds summed: what the ensemble costs to train on its own.
    /// </summary>
    private static CrossValidationResult? FromMembers(IFusionStrategy strategy, IReadOnlyDictionary<IFusionStrategy, CrossValidationResult> ran,
        float[] targets, TaskKind task, int classCount, IReadOnlyList<Fold> folds)
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
            scores[f] = FoldScorer.Score(task, classCount, predictions[f], folds[f].Test.Select(i => targets[i]).ToArray());
        }
        var result = CrossValidator.Result(strategy, task, folds, scores, predictions, members.Sum(m => m!.Seconds));
        // Every member predicted the same blanked rows, so their presence subsets are the ensemble's.
        return members[0]!.FoldSubsets is { } subsets ? CrossValidator.WithSubsets(result, subsets, targets, task, classCount) : result;
    }

    /// <summary>The metric a leaderboard is ranked by: accuracy, or RMSE for regression.</summary>
    public static string MainMetric(TaskKind task) => task == TaskKind.Regression ? "rmse" : "accuracy";

    /// <summary>The results best first by the main metric (undefined scores last, ties by strategy name).</summary>
    public static List<CrossValidationResult> Rank(IEnumerable<CrossValidationResult> results, TaskKind task)
    {
        var metric = MainMetric(task);
        var sign = FoldScorer.HigherIsBetter(metric) ? -1 : 1;
        return results.OrderBy(r => double.IsFinite(r.Metrics[metric].Mean) ? sign * r.Metrics[metric].Mean : double.MaxValue)
            .ThenBy(r => r.Strategy, StringComparer.Ordinal).ToList();
    }
}
