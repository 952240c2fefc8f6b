using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Evaluation.Jobs;

/// <summary>
/// Everything one cross-validation job needs besides the strategy: the rows' features (and augmented variants), the
/// encoded targets, the folds and the fitting settings. A job is one (strategy, fold) pair; local and distributed runs
/// both compute it with <see cref="CrossValidator.RunFold"/>, so they give the very same numbers.
/// </summary>
/// <param name="Features">Every kept row's features; folds index into them.</param>
/// <param name="Targets">Each row's encoded label (class index, or the value for regression).</param>
/// <param name="Task">Binary, multiclass or regression.</param>
/// <param name="ClassCount">Classes (1 for regression).</param>
/// <param name="Folds">The train/test divisions, in order.</param>
/// <param name="Normalize">Per-block normalisation fitted on each fold's training rows.</param>
/// <param name="Seed">The learners' seed.</param>
/// <param name="Augmented">Augmented variants of every row (only training rows' variants are used); empty for none.</param>
/// <param name="TestMissing">Test-time absence of modalities; null for none.</param>
/// <param name="TestFeatures">The same rows' features under a deployment shift (e.g. noise), used for the test parts only; null for none.</param>
public sealed record FoldWork(
    FeatureSet Features,
    float[] Targets,
    TaskKind Task,
    int ClassCount,
    IReadOnlyList<Fold> Folds,
    NormalizeMode Normalize,
    int Seed,
    IReadOnlyList<FeatureSet>? Augmented = null,
    TestTimeMissing? TestMissing = null,
    FeatureSet? TestFeatures = null)
{
    /// <summary>Sample weights per row and class weighting; null for an unweighted run.</summary>
    public SampleWeighting? Weighting { get; init; }
}
