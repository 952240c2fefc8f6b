using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;

namespace MMFuse.Evaluation.Analysis;

/// <summary>
/// A strategy trained once per fold exactly as <see cref="CrossValidator"/> does (same fitting, same seed, so the
/// same predictions), but keeping the fold models so that many degraded variants of the test rows can be predicted
/// without retraining.
/// </summary>
internal sealed class FoldModels : IDisposable
{
    private readonly TaskKind _task;
    private readonly int _classCount;
    private readonly int _parallelism;

    private FoldModels(IReadOnlyList<FoldModel> folds, TaskKind task, int classCount, int parallelism, CrossValidationResult clean)
    {
        Folds = folds;
        _task = task;
        _classCount = classCount;
        _parallelism = parallelism;
        Clean = clean;
    }

    public IReadOnlyList<FoldModel> Folds { get; }

    /// <summary>The plain cross-validation result of these models.</summary>
    public CrossValidationResult Clean { get; }

    /// <summary>Block names in the order the models receive them.</summary>
    public IReadOnlyList<string> BlockNames => Folds[0].TestBlocks.Select(b => b.Modality).ToArray();

    public static FoldModels Train(
        FeatureSet features, float[] targets, TaskKind task, int classCount, IReadOnlyList<Fold> folds,
        IFusionStrategy strategy, NormalizeMode normalize, int seed, int parallelism)
    {
        if (folds.Count == 0)
            throw new ArgumentException("No folds to analyse.", nameof(folds));
        var clock = Stopwatch.StartNew();
        var models = new FoldModel[folds.Count];
        Parallel.For(0, folds.Count, Options(parallelism), f =>
        {
            var fold = folds[f];
            var train = features.Subset(fold.Train);
            var fitted = FittedFeatures.Fit(train);
            var trainBlocks = fitted.Transform(train);
            var model = strategy.Fit(new FusionTrainingSet(trainBlocks, fold.Train.Select(i => targets[i]).ToArray(), task, classCount, seed, normalize));
            var test = features.Subset(fold.Test);
            var noise = fitted.Tabular is { } tabular
                ? TabularNoise.Fit(tabular, trainBlocks.First(b => b.Modality == TabularModel.BlockName))
                : null;
            models[f] = new FoldModel(f, fold, fitted, model, test, fitted.Transform(test), fold.Test.Select(i => targets[i]).ToArray(), noise);
        });
        var predictions = new float[folds.Count][][];
        var scores = new IReadOnlyDictionary<string, double>[folds.Count];
        Parallel.For(0, folds.Count, Options(parallelism), f =>
        {
            predictions[f] = models[f].Model.Predict(models[f].TestBlocks);
            scores[f] = FoldScorer.Score(task, classCount, predictions[f], models[f].TestTargets);
        });
        var metrics = FoldScorer.MetricNames(task).ToDictionary(m => m, m => MetricSummary.Of(scores.Select(s => s[m]).ToArray()));
        var clean = new CrossValidationResult(strategy.Name, strategy.Fusion, folds, scores, metrics, predictions, clock.Elapsed.TotalSeconds);
        return new FoldModels(models, task, classCount, parallelism, clean);
    }

    /// <summary>
    /// The metric's mean over folds when each fold's test rows are replaced by <paramref name="variant"/>'s blocks,
    /// or null when the variant is undefined (returns null) for any fold. Variants are built on the calling thread,
    /// one fold after another (callers' noise providers need not be thread-safe); predictions run in parallel.
    /// </summary>
    public double? MeanMetric(string metric, Func<FoldModel, IReadOnlyList<FeatureBlock>?> variant)
    {
        var inputs = new IReadOnlyList<FeatureBlock>[Folds.Count];
        for (var f = 0; f < Folds.Count; f++)
        {
            if (variant(Folds[f]) is not { } blocks)
                return null;
            inputs[f] = blocks;
        }
        var scores = new double[Folds.Count];
        Parallel.For(0, Folds.Count, Options(_parallelism), f =>
            scores[f] = FoldScorer.Score(_task, _classCount, Folds[f].Model.Predict(inputs[f]), Folds[f].TestTargets)[metric]);
        return MetricSummary.Of(scores).Mean;
    }

    private static ParallelOptions Options(int parallelism) => new() { MaxDegreeOfParallelism = Math.Max(1, parallelism) };

    public void Dispose()
    {
        foreach (var fold in Folds)
            fold.Model.Dispose();
    }
}
