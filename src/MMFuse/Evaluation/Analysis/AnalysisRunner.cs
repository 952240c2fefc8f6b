using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;

namespace MMFuse.Evaluation.Analysis;

/// <summary>
/// The result analyses of one strategy over given folds. Cost: the strategy is trained once per fold (as
/// <see cref="CrossValidator"/>); ablation adds one cross-validation per block; reliance and the robustness curves
/// only predict masked or noisy variants with the fold models; the bootstrap rescores the pooled predictions.
/// </summary>
public static class AnalysisRunner
{
    /// <summary>Runs every analysis <paramref name="options"/> asks for on <paramref name="strategy"/> over
    /// <paramref name="folds"/>. Noise curves need <paramref name="noise"/> (the image, audio and text variants); with
    /// <paramref name="reference"/> (another strategy's curves) each curve also gets its effective robustness.</summary>
    public static AnalysisResult Run(
        FeatureSet features, float[] targets, TaskKind task, int classCount, IReadOnlyList<Fold> folds,
        IFusionStrategy strategy, NormalizeMode normalize, int seed,
        AnalysisOptions? options = null, NoiseProviders? noise = null, IReadOnlyList<RobustnessCurve>? reference = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(strategy);
        options ??= new AnalysisOptions();
        options.Validate();
        var clock = Stopwatch.StartNew();
        var metric = Comparison.MainMetric(task);
        using var models = FoldModels.Train(features, targets, task, classCount, folds, strategy, normalize, seed, options.Parallelism);
        var contributions = ContributionAnalysis.Compute(
            models, features, targets, task, classCount, strategy, normalize, seed, options.Ablation, options.Parallelism);
        var curves = options.Robustness ? RobustnessAnalysis.Compute(models, metric, options, noise, seed) : [];
        if (reference is not null)
            curves = RobustnessCurve.AgainstReference(curves, reference);

        var pool = OutOfFoldPredictions.Pool(models.Clean, targets);
        var intervals = BootstrapInterval.Of(pool, task, classCount, options.BootstrapSamples, seed, options.Alpha, options.Parallelism);
        ReliabilityDiagram? calibration = null;
        IReadOnlyList<ConfidentError>? errors = null;
        double[]? perClassF1 = null;
        int[][]? confusion = null;
        ExplanationSummary? explanations = null;
        if (task != TaskKind.Regression)
        {
            calibration = ReliabilityDiagram.Of(pool);
            errors = ConfidentError.MostConfident(pool, options.ConfidentErrors);
            confusion = ClassificationMetrics.ConfusionMatrix(
                pool.Targets.Select(t => (int)t).ToArray(), ClassificationMetrics.PredictedClasses(pool.Predictions), classCount);
            perClassF1 = PerClassF1(confusion);
            explanations = Explain(models, targets, classCount);
        }
        return new AnalysisResult(strategy.Name, strategy.Fusion, metric, models.Clean.Metrics, contributions, curves, intervals,
            calibration, errors, perClassF1, confusion, clock.Elapsed.TotalSeconds) { Explanations = explanations };
    }

    /// <summary>Exact Shapley explanations of every out-of-fold row of repeat 0 with its fold's model; null with one modality or more than the exact method allows.</summary>
    private static ExplanationSummary? Explain(FoldModels models, float[] targets, int classCount)
    {
        var blocks = models.BlockNames.Count;
        if (blocks < 2 || blocks > Fusion.Explanation.ModalityShapley.MaxModalities)
            return null;
        var rows = new Dictionary<int, Fusion.Explanation.ModalityExplanation>();
        foreach (var fold in models.Folds.Where(f => f.Fold.Repeat == 0))
        {
            var explained = Fusion.Explanation.ModalityShapley.Explain(fold.Model, fold.TestBlocks, TaskKind.Multiclass);
            for (var i = 0; i < fold.Fold.Test.Length; i++)
                rows[fold.Fold.Test[i]] = explained[i];
        }
        return ExplanationSummary.Of(rows, rows.Keys.ToDictionary(r => r, r => (int)targets[r]), classCount);
    }

    /// <summary>The corrected resampled t-test between the first two entries of a leaderboard (ranked, same folds);
    /// null when there are fewer than two.</summary>
    public static PairedComparison? CompareTopTwo(IReadOnlyList<CrossValidationResult> ranked, TaskKind task, double alpha = 0.05) =>
        ranked.Count < 2 ? null : PairedComparison.Of(ranked[0], ranked[1], Comparison.MainMetric(task), alpha);

    /// <summary>F1 = 2TP / (2TP + FP + FN) per class; 0 for a class neither present nor predicted (scikit-learn's zero_division).</summary>
    internal static double[] PerClassF1(int[][] confusion) => Enumerable.Range(0, confusion.Length).Select(c =>
    {
        var actual = confusion[c].Sum();
        var predicted = confusion.Sum(row => row[c]);
        return actual + predicted == 0 ? 0 : 2.0 * confusion[c][c] / (actual + predicted);
    }).ToArray();
}
