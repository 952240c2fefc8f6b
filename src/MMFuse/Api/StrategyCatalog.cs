using MMFuse.Data;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Learners;
using MMFuse.Learners.Torch;

namespace MMFuse;

/// <summary>
/// The names of strategies at the CLI and model-file boundary (<c>early/logreg</c>, <c>image-only/gbdt</c>,
/// <c>joint-gated</c>, <c>ensemble</c>) mapped to strategy objects, with clear errors. Code composes strategies with
/// <see cref="Strategies"/> instead.
/// </summary>
public static class StrategyCatalog
{
    /// <summary>What <c>compare</c> runs when <c>--strategies</c> is not given (unimodal baselines are added per block).</summary>
    public static readonly IReadOnlyList<string> Defaults =
    [
        "early/logreg", "early/mlp", "late/logreg", "vote-soft/logreg", "stacking/logreg",
        "joint-concat", "joint-gated", "joint-attention", "joint-tensor", "joint-lowrank", "ensemble",
    ];

    /// <summary>The name of the ensemble strategy.</summary>
    public const string Ensemble = "ensemble";

    /// <summary>The fixed members of <c>ensemble</c>: two joint networks and early fusion with an MLP, averaged.</summary>
    public static readonly IReadOnlyList<string> EnsembleMembers = ["joint-concat", "joint-gated", "early/mlp"];

    /// <summary>Learners tried for each modality alone; the best per modality is kept on the leaderboard.</summary>
    public static readonly IReadOnlyList<string> UnimodalLearners = ["logreg", "mlp"];

    /// <summary>The strategy of a fusion family (<c>early</c>, <c>late</c>, <c>joint-gated</c>, ...) with a learner.</summary>
    public static IFusionStrategy Create(string fusion, string learner, LearnerOptions? options, FusionSettings? settings, IReadOnlyCollection<string> blocks) =>
        Parse($"{fusion}/{learner}", options, blocks, settings);

    /// <summary>Parses a leaderboard name. Learner options apply where the named learner is the one they were made for.</summary>
    public static IFusionStrategy Parse(string name, LearnerOptions? options, IReadOnlyCollection<string> blocks, FusionSettings? settings = null) =>
        Parse(name, options, blocks, settings, member => Parse(member, options, blocks, settings));

    /// <summary>Parses names into strategy objects; see <see cref="Create(IEnumerable{string}, LearnerOptions?, IReadOnlyCollection{string}, FusionSettings?)"/>.</summary>
    public static List<IFusionStrategy> ParseAll(IEnumerable<string> names, LearnerOptions? options, IReadOnlyCollection<string> blocks,
        FusionSettings? settings = null) => Create(names, options, blocks, settings);

    /// <summary>
    /// Parses a list with one strategy object per name, the ensemble's members being the objects listed beside it,
    /// so that <see cref="Evaluation.Comparison"/> can score the ensemble from those members' results.
    /// </summary>
    public static List<IFusionStrategy> Create(IEnumerable<string> names, LearnerOptions? options, IReadOnlyCollection<string> blocks,
        FusionSettings? fusionArguments = null)
    {
        var parsed = new Dictionary<string, IFusionStrategy>(StringComparer.Ordinal);
        IFusionStrategy One(string name)
        {
            if (!parsed.TryGetValue(name, out var strategy))
                parsed[name] = strategy = Parse(name, options, blocks, fusionArguments, One);
            return strategy;
        }
        return names.Select(One).ToList();
    }

    private static IFusionStrategy Parse(string name, LearnerOptions? options, IReadOnlyCollection<string> blocks, FusionSettings? fusionArguments,
        Func<string, IFusionStrategy> member)
    {
        var strategy = ParseOne(name, options, blocks, fusionArguments, member);
        // Joint networks learn absence by modality dropout, a single block has nothing to miss, and an ensemble's
        // members are wrapped themselves.
        return fusionArguments is { AbsenceTraining: true } && strategy is not (JointFusionStrategy or UnimodalStrategy or EnsembleStrategy)
            ? new AbsenceTrainingStrategy(strategy)
            : strategy;
    }

    private static IFusionStrategy ParseOne(string name, LearnerOptions? options, IReadOnlyCollection<string> blocks, FusionSettings? fusionArguments,
        Func<string, IFusionStrategy> member)
    {
        var fusionOptions = fusionArguments ?? new FusionSettings();
        var unknownWeight = fusionOptions.VoteWeights?.Keys.FirstOrDefault(k => blocks.Count > 0 && !blocks.Contains(k));
        if (unknownWeight is not null)
            throw new MMFuseInputException($"FusionSettings.VoteWeights: there is no modality '{unknownWeight}' (blocks: {string.Join(", ", blocks)})");
        if (name == Ensemble)
            return new EnsembleStrategy(Ensemble, EnsembleMembers.Select(member).ToList());
        var slash = name.IndexOf('/');
        var family = slash < 0 ? name : name[..slash];
        // Joint networks train their own encoders, so they take no learner; they use the command line's training options.
        if (JointKinds.TryParse(family, out var joint))
            return new JointFusionStrategy(joint, fusionArguments?.Joint
                ?? (options is MlpOptions { Training: { } training } ? new JointOptions(Training: training) : null));
        var learner = slash < 0 ? "logreg" : name[(slash + 1)..];
        if (!LearnerFactory.Names.Contains(learner))
            throw new MMFuseInputException($"strategy '{name}': '{learner}' is not one of the learners {string.Join(", ", LearnerFactory.Names)}");
        var learnerOptions = OptionsFor(learner, options);
        if (family.EndsWith("-only", StringComparison.Ordinal))
        {
            var block = family[..^"-only".Length];
            if (blocks.Count > 0 && !blocks.Contains(block))
                throw new MMFuseInputException($"strategy '{name}': there is no modality block '{block}' (blocks: {string.Join(", ", blocks)})");
            return new UnimodalStrategy(block, learner, learnerOptions);
        }
        return family switch
        {
            "early" => new EarlyFusionStrategy(learner, learnerOptions),
            "late" => new LateFusionStrategy(learner, learnerOptions),
            "vote-soft" => new VoteStrategy(learner, VoteMode.Soft, fusionOptions.VoteWeights, learnerOptions),
            "vote-hard" => new VoteStrategy(learner, VoteMode.Hard, fusionOptions.VoteWeights, learnerOptions),
            "stacking" => new StackingStrategy(fusionOptions.StackingBases, learner, fusionOptions.Passthrough,
                new StackingOptions(InnerFolds: StackingInnerFolds, LearnerOptions: StackingLearnerOptions(learner, learnerOptions), Bases: fusionOptions.StackingInputs)),
            _ => throw new MMFuseInputException($"unknown strategy '{name}'; known: early/, late/, vote-soft/, vote-hard/, stacking/ followed by a learner, <modality>-only/<learner>, {string.Join(", ", JointKinds.Names)}"),
        };
    }

    /// <summary>
    /// Stacking's inner folds: 5, scikit-learn's <c>StackingClassifier</c> default (<c>cv=5</c>). The meta-learner is
    /// trained on out-of-fold probabilities from bases fitted on (k-1)/k of the training rows but applied to bases
    /// refitted on all of them; with 5 folds those bases see 80 % of the rows rather than 67 % (3 folds), so the
    /// meta-learner's training inputs look more like the ones it predicts from. That matters most on small tables
    /// (docs/benchmarks.md row 3, docs/quality.md "Stacking: inner folds"); it costs 6 fits per base, block and outer
    /// fold instead of 4. The gradient-boosted bases are smaller than a stand-alone gbdt: 40 rounds of 15 leaves at
    /// rate 0.15 on 15 bins. ML.NET runs one LightGBM training at a time in a process, so their cost adds up across
    /// folds: with the 928 logmel-grid audio values, 63 bins took 90 s and 15 bins 55 s (accuracy 0.958 and 0.961).
    /// Out-of-fold probabilities need to be informative, not maximally tuned.
    /// </summary>
    public const int StackingInnerFolds = 5;

    /// <inheritdoc cref="StackingInnerFolds"/>
    public static readonly GbdtOptions StackingBaseGbdt = new(Iterations: 40, LearningRate: 0.15, Leaves: 15, MaxBinsPerFeature: 15);

    private static Dictionary<string, LearnerOptions> StackingLearnerOptions(string meta, LearnerOptions? options)
    {
        var result = new Dictionary<string, LearnerOptions> { ["gbdt"] = StackingBaseGbdt };
        if (options is not null) result[meta] = options;
        return result;
    }

    /// <summary>Options built from the command line describe one learner; other learners use their defaults.</summary>
    private static LearnerOptions? OptionsFor(string learner, LearnerOptions? options) => options switch
    {
        Learners.Torch.MlpOptions when learner == "mlp" => options,
        Learners.Torch.MlpOptions => null,
        _ => options,
    };

    /// <summary>The unimodal baselines <c>compare</c> adds when it runs its default list: each block with each of <see cref="UnimodalLearners"/>.</summary>
    public static IEnumerable<string> UnimodalNames(IReadOnlyCollection<string> blocks) =>
        blocks.Count > 1 ? blocks.SelectMany(b => UnimodalLearners.Select(l => $"{b}-only/{l}")) : [];
}

/// <summary>Options of particular fusion families, given by name: vote weights, stacking's base learners and passthrough, the joint networks' options.</summary>
public sealed record FusionSettings(IReadOnlyDictionary<string, double>? VoteWeights = null, IReadOnlyList<string>? StackingBases = null,
    bool Passthrough = false, Fusion.Joint.JointOptions? Joint = null, bool AbsenceTraining = false)
{
    /// <summary>What stacking's base learners see: each modality, the concatenated blocks, or both (the default).</summary>
    public Fusion.StackingBases StackingInputs { get; init; } = Fusion.StackingBases.Both;
}
