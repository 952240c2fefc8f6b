using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Evaluation.Jobs;
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
    IReadOnlyList<SubsetScore>? Subsets = null)
{
    /// <summary>The strategy object that produced this result (null when built from names alone, e.g. read back from
    /// a worker): two strategies may share a name, e.g. <c>early/logreg</c> beside its absence-trained variant.</summary>
    public IFusionStrategy? StrategyObject { get; init; }
}

/// <summary>
/// Runs a strategy over given folds. Within each fold everything fitted — tf-idf, the tabular model, normalisers,
/// the learners — sees the training rows only; the test rows are only transformed and predicted.
/// With test-time features (the same rows' features under a deployment shift such as <see cref="TestNoise"/>), the
/// test part is taken from those instead. Each fold is one job (<see cref="RunFold"/>); an <see cref="IFoldRunner"/>
/// runs them, in parallel in this process by default. Results are kept in fold order, so the outcome does not depend on
/// scheduling or on where a job ran. Each fold's model is disposed once its test rows are predicted.
/// </summary>
public static class CrossValidator
{
    /// <summary>Trains <paramref name="strategy"/> on each fold's training rows (plus their
    /// <paramref name="augmented"/> variants) and scores it on the fold's test rows, blanked by <paramref name="testMissing"/>
    /// when given; up to <paramref name="parallelism"/> folds at once.</summary>
    public static CrossValidationResult Run(
        FeatureSet features, float[] targets, TaskKind task, int classCount, IReadOnlyList<Fold> folds,
        IFusionStrategy strategy, NormalizeMode normalize, int seed, int parallelism = 1, IReadOnlyList<FeatureSet>? augmented = null,
        TestTimeMissing? testMissing = null, FeatureSet? testFeatures = null, CancellationToken cancel = default, IFoldRunner? runner = null,
        SampleWeighting? weighting = null)
    {
        if (testFeatures is not null && testFeatures.Rows != features.Rows)
            throw new ArgumentException("The test-time features must have the same rows as the features.", nameof(testFeatures));
        var work = new FoldWork(features, targets, task, classCount, folds, normalize, seed, augmented, testMissing, testFeatures) { Weighting = weighting };
        var outcome = (runner ?? new LocalFoldRunner(parallelism)).Run(work, [strategy], null, cancel)[0];
        return Result(strategy, work, outcome);
    }

    /// <summary>
    /// One job: fits the strategy on fold <paramref name="foldIndex"/>'s training rows (features fitted on them too) and
    /// scores its test rows. Local and distributed runs both call this, so a job's outcome does not depend on where it ran.
    /// The fold's model is disposed once its test rows are predicted.
    /// </summary>
    public static FoldOutcome RunFold(FoldWork work, IFusionStrategy strategy, int foldIndex)
    {
        var clock = Stopwatch.StartNew();
        // Text columns left to auto get the blocks chosen on this fold's training rows (the same for every strategy).
        work = TextFeatureChoice.ForFold(work, foldIndex);
        var fold = work.Folds[foldIndex];
        var (train, trainTargets) = TrainingRows(work.Features, work.Targets, fold.Train, work.Augmented);
        var fitted = FittedFeatures.Fit(train);
        // Multi-label: one model per label with this strategy (a cluster worker runs this too, so it wraps the same way).
        var weights = work.Weighting?.ForTraining(fold.Train, work.Targets, work.Task, work.ClassCount, trainTargets.Length / fold.Train.Length);
        using var model = Fusion.MultiLabel.BinaryRelevanceStrategy.For(strategy, work.Task).Fit(new FusionTrainingSet(fitted.Transform(train), trainTargets, work.Task, work.ClassCount, work.Seed, work.Normalize)
        {
            Weights = weights,
        });
        // Test-time features (e.g. the same clips with noise, TestNoise) replace only the test part; training never sees them.
        var test = fitted.Transform((work.TestFeatures ?? work.Features).Subset(fold.Test));
        string[]? subsets = null;
        if (work.TestMissing is not null)
        {
            test = work.TestMissing.Apply(test, fold.Test);
            subsets = PresenceSubsets.Of(test);
        }
        var predictions = model.Predict(test);
        var scores = FoldScorer.Score(work.Task, work.ClassCount, predictions, fold.Test.Select(i => work.Targets[i]).ToArray(),
            work.Weighting?.ForTest(fold.Test));
        return new FoldOutcome(scores, predictions, subsets, clock.Elapsed.TotalSeconds);
    }

    /// <summary>A strategy's result assembled from its jobs' outcomes (in fold order), with presence subsets when the work has test-time missingness.</summary>
    public static CrossValidationResult Result(IFusionStrategy strategy, FoldWork work, StrategyOutcome outcome)
    {
        var result = Result(strategy, work.Task, work.Folds, outcome.Folds.Select(f => f.Scores).ToArray(),
            outcome.Folds.Select(f => f.Predictions).ToArray(), outcome.Seconds);
        return work.TestMissing is null
            ? result
            : WithSubsets(result, outcome.Folds.Select(f => f.Subsets ?? throw new InvalidOperationException("a fold outcome lacks its presence subsets")).ToArray(),
                work.Targets, work.Task, work.ClassCount);
    }

    /// <summary>The result with its rows' presence subsets and the main metric per subset.</summary>
    public static CrossValidationResult WithSubsets(CrossValidationResult result, IReadOnlyList<string[]> subsets, float[] targets, TaskKind task, int classCount) =>
        result with { FoldSubsets = subsets, Subsets = PresenceSubsets.Score(task, classCount, result.Folds, result.FoldPredictions, subsets, targets) };

    /// <summary>A result from per-fold scores and predictions, with the metric summaries over folds.</summary>
    public static CrossValidationResult Result(IFusionStrategy strategy, TaskKind task, IReadOnlyList<Fold> folds,
        IReadOnlyList<IReadOnlyDictionary<string, double>> scores, IReadOnlyList<float[][]> predictions, double seconds)
    {
        var metrics = FoldScorer.MetricNames(task).ToDictionary(m => m, m => MetricSummary.Of(scores.Select(s => s[m]).ToArray()));
        return new CrossValidationResult(strategy.Name, strategy.Fusion, folds, scores, metrics, predictions, seconds) { StrategyObject = strategy };
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
