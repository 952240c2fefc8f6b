using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>
/// Stacking (<c>stacking/&lt;meta&gt;</c>): a base learner for every modality × base algorithm and (by default, see
/// <see cref="StackingBases"/>) one per base algorithm on the concatenated blocks, and a meta-learner trained on their
/// out-of-fold predictions plus one presence indicator per modality (see <see cref="StackingFeatures"/>).
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
        var (features, target, bases, concatenated, passthrough) = Stack(train);
        var meta = LearnerFactory.Create(_meta, train.Task, train.Seed, _options.For(_meta))
            .Fit(new LearnerData(features, train.Targets, train.Task, train.ClassCount, train.Weights));
        return new StackingModel(_meta, _bases, train.Blocks.Select(b => b.Modality).ToArray(), bases, passthrough, meta, target, _options.InnerFolds)
        {
            Concatenated = concatenated,
        };
    }

    /// <summary>The meta-learner's training rows (out-of-fold base predictions), the target, the base learners refitted
    /// on all rows (per modality, per base, null where untrainable; none per modality under
    /// <see cref="StackingBases.Concatenated"/>), the bases on the concatenated blocks (one per base learner; none under
    /// <see cref="StackingBases.PerModality"/>) and the passthrough normalisers.</summary>
    internal (float[][] Features, FusionTarget Target, ModalityModel?[][] Bases, IFusionModel[] Concatenated, FittedNormalizer[] Passthrough)
        Stack(FusionTrainingSet train)
    {
        FusionBlocks.CheckTraining(train);
        var target = FusionTarget.Of(train);
        var folds = OutOfFold.Folds(train.Targets, train.Task, _options.InnerFolds, train.Seed);
        var outOfFold = new List<float[]?[]>();
        var bases = new ModalityModel?[train.Blocks.Count][];
        var perModality = _options.Bases != StackingBases.Concatenated;
        for (var m = 0; m < train.Blocks.Count; m++)
        {
            bases[m] = new ModalityModel?[perModality ? _bases.Count : 0];
            for (var b = 0; b < bases[m].Length; b++)
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
        var concatenated = _options.Bases == StackingBases.PerModality
            ? []
            : _bases.Select(b => ConcatenatedBase(b, train, folds, outOfFold)).ToArray();
        var features = StackingFeatures.Build(outOfFold, train.Blocks.Select(b => b.Present).ToArray(), target.Prior,
            Normalised(passthrough, train.Blocks));
        return (features, target, bases, concatenated, passthrough);
    }

    /// <summary>
    /// A base learner on all blocks side by side (early fusion, normalisers fitted per inner fold): it sees
    /// interactions across modalities that no per-modality base can, which is why scikit-learn's StackingClassifier,
    /// whose bases see every column, beat per-modality stacking. Adds its out-of-fold predictions to
    /// <paramref name="outOfFold"/> and returns it refitted on all rows.
    /// </summary>
    private IFusionModel ConcatenatedBase(string learner, FusionTrainingSet train, IReadOnlyList<Evaluation.Fold> folds, List<float[]?[]> outOfFold)
    {
        var strategy = new EarlyFusionStrategy(learner, _options.For(learner));
        var predictions = new float[]?[train.Rows];
        foreach (var fold in folds)
        {
            using var model = strategy.Fit(train.Subset(fold.Train));
            var predicted = model.Predict(FeatureBlocks.Subset(train.Blocks, fold.Test));
            for (var i = 0; i < fold.Test.Length; i++)
                predictions[fold.Test[i]] = predicted[i];
        }
        outOfFold.Add(predictions);
        return strategy.Fit(train);
    }

    internal static FeatureBlock[] Normalised(IReadOnlyList<FittedNormalizer> passthrough, IReadOnlyList<FeatureBlock> blocks) =>
        passthrough.Select(n => n.Transform(blocks.First(b => b.Modality == n.Modality))).ToArray();
}
