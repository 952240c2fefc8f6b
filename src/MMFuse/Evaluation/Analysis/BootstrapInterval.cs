using MathNet.Numerics.Statistics;
using MMFuse.Data;

namespace MMFuse.Evaluation.Analysis;

/// <summary>
/// A percentile bootstrap interval for one metric of the pooled out-of-fold predictions. <see cref="Estimate"/> is
/// the metric of the whole pool (so it can differ slightly from the leaderboard's mean over folds);
/// <see cref="Samples"/> counts the resamples where the metric was defined (ROC AUC is not when a resample lacks
/// a class).
/// </summary>
public sealed record BootstrapInterval(string Metric, double Estimate, double Lower, double Upper, double Level, int Samples)
{
    /// <summary>Resamples the pooled rows with replacement <paramref name="samples"/> times; resample b draws from
    /// a generator seeded with (seed, b), so the result does not depend on <paramref name="parallelism"/>.</summary>
    public static IReadOnlyList<BootstrapInterval> Of(
        OutOfFoldPredictions pool, TaskKind task, int classCount, int samples = 1000, int seed = 0, double alpha = 0.05, int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        if (!(alpha is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be within (0, 1).");
        var names = FoldScorer.MetricNames(task);
        var estimate = FoldScorer.Score(task, classCount, pool.Predictions, pool.Targets);
        var replicates = new Dictionary<string, double>[samples];
        Parallel.For(0, samples, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, b =>
        {
            var random = new Random(Splitter.DeriveSeed(seed, b));
            var positions = new int[pool.Count];
            for (var i = 0; i < positions.Length; i++)
                positions[i] = random.Next(pool.Count);
            var resample = pool.Take(positions);
            replicates[b] = FoldScorer.Score(task, classCount, resample.Predictions, resample.Targets);
        });
        return names.Select(name =>
        {
            var values = replicates.Select(r => r[name]).Where(double.IsFinite).ToArray();
            if (values.Length == 0)
                return new BootstrapInterval(name, estimate[name], double.NaN, double.NaN, 1 - alpha, 0);
            // R7 = linear interpolation between order statistics, numpy.percentile's default.
            return new BootstrapInterval(name, estimate[name],
                values.QuantileCustom(alpha / 2, QuantileDefinition.R7),
                values.QuantileCustom(1 - alpha / 2, QuantileDefinition.R7), 1 - alpha, values.Length);
        }).ToArray();
    }
}
