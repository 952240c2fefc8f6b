using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;

namespace MMFuse.Evaluation;

/// <summary>One strategy's cross-validated result: per-fold metrics, their summaries, and each fold's test predictions.
/// Under test-time missingness (<see cref="TestTimeMissing"/>) also each test row's presence subset and the scores
/// per subset.</summary>
public sealed record CrossValidationResult(
    string Strategy,
    string Fusion,
    IReadOnlyList<Fold> Folds,
    IReadOnlyList<IReadOnlyDictionary<string, double>> FoldScores,
    IReadOnlyDictionary<string, MetricSummary> Metrics,
    IReadOnlyList<float[][]> FoldPredictions,
    double Seconds,
    IReadOnlyList<string[]>? FoldSubsets = null,
    IReadOnlyList<SubsetScore>? Subsets = null);

/// <summary>
/// Runs a strategy over given folds. Within each fold everything fitted — tf-idf, the tabular model, normalisers,
/// the learners — sees the training rows only; the test rows are only transformed and predicted.
/// With test-time features (the same rows' features under a deployment shift such as <see cref="TestNoise"/>), the
/// test part is taken from those instead. Folds run in parallel; results are kept in fold order, so the outcome does not depend on scheduling. Each fold's
/// model is disposed once its test rows are predicted.
/// </summary>
public static class CrossValidator
{
    /// <summary>Trains <paramref name="strategy"/> on each fold's training rows (plus their
    /// <paramref name="augmented"/> variants) and scores it on the fold's test rows, blanked by <paramref name="testMissing"/>
    /// when given; up to <paramref name="parallelism"/> folds at once.</summary>
    public static CrossValidationResult Run(
        FeatureSet features, float[] targets, TaskKind task, int classCount, IReadOnlyList<Fold> folds,
        IFusionStrategy strategy, NormalizeMode normalize, int seed, int parallelism = 1, IReadOnlyList<FeatureSet>? augmented = null,
        TestTimeMissing? testMissing = null, FeatureSet? testFeatures = null, CancellationToken cancel = default)
    {
        if (testFeatures is not null && testFeatures.Rows != features.Rows)
            throw new ArgumentException("The test-time features must have the same rows as the features.", nameof(testFeatures));
        var clock = Stopwatch.StartNew();
        var scores = new IReadOnlyDictionary<string, double>[folds.Count];
        var predictions = new float[folds.Count][][];
        var subsets = testMissing is null ? null : new string[folds.Count][];
        Parallel.For(0, folds.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancel }, f =>
        {
            var fold = folds[f];
            var (train, trainTargets) = TrainingRows(features, targets, fold.Train, augmented);
            var fitted = FittedFeatures.Fit(train);
            using var model = strategy.Fit(new FusionTrainingSet(fitted.Transform(train), trainTargets, task, classCount, seed, normalize));
            // Test-time features (e.g. the same clips with noise, TestNoise) replace only the test part; training never sees them.
            var test = fitted.Transform((testFeatures ?? features).Subset(fold.Test));
            if (testMissing is not null)
            {
                test = testMissing.Apply(test, fold.Test);
                subsets![f] = PresenceSubsets.Of(test);
            }
            predictions[f] = model.Predict(test);
            scores[f] = FoldScorer.Score(task, classCount, predictions[f], fold.Test.Select(i => targets[i]).ToArray());
        });
        var result = Result(strategy, task, folds, scores, predictions, clock.Elapsed.TotalSeconds);
        return subsets is null ? result : WithSubsets(result, subsets, targets, task, classCount);
    }

    /// <summary>The result with its rows' presence subsets and the main metric per subset.</summary>
    public static CrossValidationResult WithSubsets(CrossValidationResult result, IReadOnlyList<string[]> subsets, float[] targets, TaskKind task, int classCount) =>
        result with { FoldSubsets = subsets, Subsets = PresenceSubsets.Score(task, classCount, result.Folds, result.FoldPredictions, subsets, targets) };

    /// <summary>A result from per-fold scores and predictions, with the metric summaries over folds.</summary>
    public static CrossValidationResult Result(IFusionStrategy strategy, TaskKind task, IReadOnlyList<Fold> folds,
        IReadOnlyList<IReadOnlyDictionary<string, double>> scores, IReadOnlyList<float[][]> predictions, double seconds)
    {
        var metrics = FoldScorer.MetricNames(task).ToDictionary(m => m, m => MetricSummary.Of(scores.Select(s => s[m]).ToArray()));
        return new CrossValidationResult(strategy.Name, strategy.Fusion, folds, scores, metrics, predictions, seconds);
    }

    /// <summary>
    /// A fold's training rows, followed by the augmented variants of those same rows (never of a test row),
    /// with their targets repeated.
    /// </summary>
    public static (FeatureSet Rows, float[] Targets) TrainingRows(FeatureSet features, float[] targets, int[] train, IReadOnlyList<FeatureSet>? augmented)
    {
        var sets = new List<FeatureSet> { features.Subset(train) };
        sets.AddRange((augmented ?? []).Select(v => v.Subset(train)));
        var rowTargets = train.Select(i => targets[i]).ToArray();
        return (FeatureSet.Concat(sets), Enumerable.Repeat(rowTargets, sets.Count).SelectMany(t => t).ToArray());
    }
}
