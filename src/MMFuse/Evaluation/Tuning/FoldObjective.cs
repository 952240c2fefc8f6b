using MMFuse.Evaluation.Jobs;

namespace MMFuse.Evaluation.Tuning;

/// <summary>
/// The real objective: a configuration fitted on an inner fold's training rows exactly as cross-validation fits a
/// strategy (tf-idf, tabular model, normalisers and learner on those rows only) and scored on its test rows.
/// </summary>
/// <param name="work">The data set's features, targets and fitting settings (its folds are not used).</param>
/// <param name="space">Builds each configuration's strategy.</param>
public sealed class FoldObjective(FoldWork work, SearchSpace space) : ITrialObjective
{
    /// <inheritdoc/>
    public string Metric => Comparison.MainMetric(work.Task);

    /// <inheritdoc/>
    public double Score(TrialConfig config, Fold fold)
    {
        var inner = Selected(work, config) with { Folds = [fold], TestMissing = null, TestFeatures = null };
        return CrossValidator.RunFold(inner, space.Build(config), 0).Scores[Metric];
    }

    /// <summary>The work with the blocks <paramref name="config"/>'s text choice leaves out dropped.</summary>
    public static FoldWork Selected(FoldWork work, TrialConfig config) => config.TextFeatures is null ? work : work with
    {
        Features = FeatureSelection.Apply(work.Features, config.TextFeatures),
        Augmented = FeatureSelection.Apply(work.Augmented, config.TextFeatures),
        TestFeatures = work.TestFeatures is null ? null : FeatureSelection.Apply(work.TestFeatures, config.TextFeatures),
    };
}
