using MMFuse.Data;
using MMFuse.Evaluation.MultiLabel;
using MMFuse.Fusion.Joint;

namespace MMFuse.Fusion.MultiLabel;

/// <summary>
/// Multi-label by binary relevance: one binary model per label, each trained with the same fusion strategy on the same
/// rows, so every strategy (early, late, vote, stacking, ensembles, unimodal; joint networks when asked to, see
/// <see cref="JointOptions.MultiLabelHead"/>) predicts label sets.
/// Each label's decision threshold is tuned out of fold inside the training rows (<see cref="ThresholdTuner"/>).
/// Single-label training sets go to the wrapped strategy unchanged.
/// </summary>
public sealed class BinaryRelevanceStrategy(IFusionStrategy inner, int thresholdFolds = BinaryRelevanceStrategy.DefaultThresholdFolds) : IFusionStrategy
{
    /// <summary>Inner folds the thresholds are tuned over by default.</summary>
    public const int DefaultThresholdFolds = 3;

    /// <summary>The strategy each label's model is trained with.</summary>
    public IFusionStrategy Inner => inner;

    /// <summary>Inner folds of the threshold tuning; 0 keeps every threshold at 0.5.</summary>
    public int ThresholdFolds => thresholdFolds;

    /// <summary><inheritdoc /></summary>
    public string Name => inner.Name;

    /// <summary><inheritdoc /></summary>
    public string Fusion => inner.Fusion;

    /// <summary>Tunes the thresholds on inner folds of <paramref name="train"/>, then fits one model per label on all of it.</summary>
    public IFusionModel Fit(FusionTrainingSet train)
    {
        if (train.Task != TaskKind.Multilabel)
            return inner.Fit(train);
        var sets = LabelSetCode.Decode(train.Targets, train.ClassCount);
        var thresholds = ThresholdTuner.Tune(train, sets, thresholdFolds, inner => new BinaryRelevanceModel(Name, Fusion,
            FitLabels(inner, LabelSetCode.Decode(inner.Targets, inner.ClassCount)), ThresholdTuner.Untuned(inner.ClassCount)));
        return new BinaryRelevanceModel(Name, Fusion, FitLabels(train, sets), thresholds);
    }

    /// <summary>One binary model per label on <paramref name="train"/>'s rows; a label that every row has (or none has)
    /// gets a constant model, since no learner trains on a single class.</summary>
    private IFusionModel[] FitLabels(FusionTrainingSet train, bool[][] sets)
    {
        var models = new IFusionModel[train.ClassCount];
        try
        {
            for (var l = 0; l < models.Length; l++)
            {
                var targets = sets.Select(s => s[l] ? 1f : 0f).ToArray();
                var positives = targets.Count(t => t == 1f);
                models[l] = positives == 0 || positives == targets.Length
                    ? new ConstantLabelModel(positives == 0 ? 0f : 1f)
                    : inner.Fit(train with { Targets = targets, Task = TaskKind.Binary, ClassCount = 2 });
            }
            return models;
        }
        catch
        {
            foreach (var model in models)
                model?.Dispose();
            throw;
        }
    }

    /// <summary><paramref name="strategy"/> as it must run for <paramref name="task"/>: wrapped for multilabel (once), else
    /// itself. A joint network is never wrapped: it predicts label sets itself, with one shared network or by binary
    /// relevance as its <see cref="JointOptions.MultiLabelHead"/> says.</summary>
    public static IFusionStrategy For(IFusionStrategy strategy, TaskKind task, int thresholdFolds = DefaultThresholdFolds) =>
        task != TaskKind.Multilabel || strategy is BinaryRelevanceStrategy or JointFusionStrategy ? strategy : new BinaryRelevanceStrategy(strategy, thresholdFolds);

    /// <summary>The strategy inside a binary-relevance wrapper, or <paramref name="strategy"/> itself.</summary>
    public static IFusionStrategy Unwrap(IFusionStrategy strategy) => strategy is BinaryRelevanceStrategy b ? b.Inner : strategy;
}
