using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>
/// Stacking (<c>stacking/&lt;meta&gt;</c>): a base learner for every modality × base algorithm, and a meta-learner trained
/// on their out-of-fold predictions plus one presence indicator per modality (see <see cref="StackingFeatures"/>).
/// Nested: the inner k-fold runs over the rows given to <see cref="Fit"/>, so a training row's meta-features come
/// from base learners that never saw it, and an evaluation row (never given to Fit) informs nothing. At prediction the
/// base learners refitted on all training rows produce the meta-features. Passthrough appends the normalised raw
/// blocks (normalisers fitted on the training rows) to the meta-features.
/// </summary>
public sealed class StackingStrategy : IFusionStrategy
{
    private readonly IReadOnlyList<string> _bases;
    private readonly string _meta;
    private readonly bool _passthrough;
    private readonly StackingOptions _options;

    /// <summary>Stacking with <paramref name="baseLearners"/> per modality (default logreg and gbdt) under the
    /// <paramref name="meta"/> learner; <paramref name="passthrough"/> adds the normalised blocks to the
    /// meta-features.</summary>
    public StackingStrategy(IReadOnlyList<string>? baseLearners = null, string meta = "logreg", bool passthrough = false,
        StackingOptions? options = null)
    {
        _bases = (baseLearners ?? ["logreg", "gbdt"]).ToArray();
        if (_bases.Count == 0 || _bases.Distinct(StringComparer.Ordinal).Count() != _bases.Count)
            throw new ArgumentException($"Stacking needs distinct base learners, got [{string.Join(", ", _bases)}].", nameof(baseLearners));
        ArgumentException.ThrowIfNullOrWhiteSpace(meta);
        (_meta, _passthrough, _options) = (meta, passthrough, options ?? new StackingOptions());
    }

    /// <summary><inheritdoc /></summary>
    public string Name => $"stacking/{_meta}";

    /// <summary><inheritdoc /></summary>
    public string Fusion => "stacking";

    /// <summary><inheritdoc /></summary>
    public IFusionModel Fit(FusionTrainingSet train)
    {
        var (features, target, bases, passthrough) = Stack(train);
        var meta = LearnerFactory.Create(_meta, train.Task, train.Seed, _options.For(_meta))
            .Fit(new LearnerData(features, train.Targets, train.Task, train.ClassCount, train.Weights));
        return new StackingModel(_meta, _bases, train.Blocks.Select(b => b.Modality).ToArray(), bases, passthrough, meta, target, _options.InnerFolds);
    }

    /// <summary>The meta-learner's training rows (out-of-fold base predictions), the target, the base learners refitted
    /// on all rows (per modality, per base; null where untrainable) and the passthrough normalisers.</summary>
    internal (float[][] Features, FusionTarget Target, ModalityModel?[][] Bases, FittedNormalizer[] Passthrough) Stack(FusionTrainingSet train)
    {
        FusionBlocks.CheckTraining(train);
        var target = FusionTarget.Of(train);
        var folds = OutOfFold.Folds(train.Targets, train.Task, _options.InnerFolds, train.Seed);
        var outOfFold = new List<float[]?[]>();
        var bases = new ModalityModel?[train.Blocks.Count][];
        for (var m = 0; m < train.Blocks.Count; m++)
        {
            bases[m] = new ModalityModel?[_bases.Count];
            for (var b = 0; b < _bases.Count; b++)
            {
                var fit = new BlockLearner(_bases[b], _options.For(_bases[b]), train.Task, train.ClassCount, train.Seed, train.Normalize);
                outOfFold.Add(OutOfFold.Predict(train.Blocks[m], train.Targets, train.Weights, fit, folds));
                bases[m][b] = fit.Fit(train.Blocks[m], train.Targets, train.Weights);
            }
        }
        // A block with no present training row has nothing to normalise by; it passes no columns through.
        var passthrough = _passthrough
            ? train.Blocks.Where(b => b.Present.Contains(true)).Select(b => BlockNormalizer.Fit(b, train.Normalize)).ToArray()
            : [];
        var features = StackingFeatures.Build(outOfFold, train.Blocks.Select(b => b.Present).ToArray(), target.Prior,
            Normalised(passthrough, train.Blocks));
        return (features, target, bases, passthrough);
    }

    internal static FeatureBlock[] Normalised(IReadOnlyList<FittedNormalizer> passthrough, IReadOnlyList<FeatureBlock> blocks) =>
        passthrough.Select(n => n.Transform(blocks.First(b => b.Modality == n.Modality))).ToArray();
}
