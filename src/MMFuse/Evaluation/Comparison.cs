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
    public static IReadOnlyList<CrossValidationResult> Run(
        FeatureSet features, float[] targets, TaskKind task, int classCount, IReadOnlyList<Fold> folds,
        IReadOnlyList<IFusionStrategy> strategies, NormalizeMode normalize, int seed, int parallelism,
        Action<IFusionStrategy, CrossValidationResult>? onResult = null, IReadOnlyList<FeatureSet>? augmented = null)
    {
        var results = new List<CrossValidationResult>();
        foreach (var strategy in strategies)
        {
            var result = CrossValidator.Run(features, targets, task, classCount, folds, strategy, normalize, seed, parallelism, augmented);
            onResult?.Invoke(strategy, result);
            results.Add(result);
        }
        var unimodalBest = results.Where(r => r.Fusion == "unimodal")
            .GroupBy(r => r.Strategy.Split("-only/")[0])
            .Select(g => Rank(g, task).First());
        return Rank(results.Where(r => r.Fusion != "unimodal").Concat(unimodalBest), task);
    }

    public static string MainMetric(TaskKind task) => task == TaskKind.Regression ? "rmse" : "accuracy";

    public static List<CrossValidationResult> Rank(IEnumerable<CrossValidationResult> results, TaskKind task)
    {
        var metric = MainMetric(task);
        var sign = FoldScorer.HigherIsBetter(metric) ? -1 : 1;
        return results.OrderBy(r => double.IsFinite(r.Metrics[metric].Mean) ? sign * r.Metrics[metric].Mean : double.MaxValue)
            .ThenBy(r => r.Strategy, StringComparer.Ordinal).ToList();
    }
}
