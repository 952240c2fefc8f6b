using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;

namespace MMFuse.Evaluation.Analysis;

/// <summary>Ablation (retrain without a block, same folds) and reliance (mask a block at test time) per block.</summary>
internal static class ContributionAnalysis
{
    public static IReadOnlyList<ModalityContribution> Compute(
        FoldModels models, FeatureSet features, float[] targets, TaskKind task, int classCount,
        IFusionStrategy strategy, NormalizeMode normalize, int seed, bool ablation, int parallelism)
    {
        var metric = Comparison.MainMetric(task);
        var full = models.Clean.Metrics[metric].Mean;
        var names = models.BlockNames;
        return names.Select((name, index) =>
        {
            var reliance = models.MeanMetric(metric, fold => fold.Masked(index, Enumerable.Range(0, fold.Fold.Test.Length)))!.Value;
            var (ablated, note) = ablation
                ? Ablate(features, name, names.Count, targets, task, classCount, models.Clean.Folds, strategy, normalize, seed, parallelism, metric)
                : (null, "ablation not requested");
            return new ModalityContribution(name, ablated, ablated is { } a ? ModalityContribution.Drop(metric, full, a) : null, note,
                reliance, ModalityContribution.Drop(metric, full, reliance));
        }).ToArray();
    }

    private static (double? Metric, string? Note) Ablate(
        FeatureSet features, string block, int blockCount, float[] targets, TaskKind task, int classCount, IReadOnlyList<Fold> folds,
        IFusionStrategy strategy, NormalizeMode normalize, int seed, int parallelism, string metric)
    {
        if (blockCount < 2)
            return (null, "the only block: nothing is left to train on without it");
        if (strategy is UnimodalStrategy unimodal && unimodal.Block == block)
            return (null, "a unimodal baseline of this block cannot be trained without it");
        var result = CrossValidator.Run(Without(features, block), targets, task, classCount, folds, strategy, normalize, seed, parallelism);
        return (result.Metrics[metric].Mean, null);
    }

    /// <summary>The feature set minus one block: a pretrained block, a tf-idf column, or all tabular columns.</summary>
    internal static FeatureSet Without(FeatureSet features, string block) => block == TabularModel.BlockName && features.Tabular.Count > 0
        ? features with { Tabular = [] }
        : features with
        {
            Pretrained = features.Pretrained.Where(b => b.Modality != block).ToArray(),
            TfidfText = features.TfidfText.Where(t => t.Column != block).ToArray(),
        };
}
