using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Learners;
using MMFuse.Learners.Torch;

namespace MMFuse.Evaluation.Tuning;

/// <summary>
/// What the tuner searches for one strategy: its learner's settings (or the joint network's), and the text features
/// where the data has both blocks. Sampling is seeded; <see cref="Build"/> turns a configuration into the strategy
/// object, the sampled values laid over the options the strategy was asked for.
/// </summary>
public sealed class SearchSpace
{
    private readonly LearnerOptions? _learnerOptions;
    private readonly FusionSettings _settings;
    private readonly IReadOnlyCollection<string> _blocks;

    private SearchSpace(string strategy, string learner, LearnerOptions? learnerOptions, FusionSettings settings, IReadOnlyCollection<string> blocks,
        IReadOnlyList<string> textChoices)
    {
        Strategy = strategy;
        Learner = learner;
        _learnerOptions = learnerOptions;
        _settings = settings;
        _blocks = blocks;
        TextChoices = textChoices;
        Dimensions = LearnerSpaces.For(learner);
    }

    /// <summary>The strategy's leaderboard name (<c>early/logreg</c>, <c>joint-gated</c>, ...).</summary>
    public string Strategy { get; }

    /// <summary>The tuned learner: a learner name, or <c>joint</c> for the joint networks.</summary>
    public string Learner { get; }

    /// <summary>The searched settings.</summary>
    public IReadOnlyList<Hyperparameter> Dimensions { get; }

    /// <summary>The text-feature choices searched (empty when the text columns were not extracted with both blocks).</summary>
    public IReadOnlyList<string> TextChoices { get; }

    /// <summary>
    /// The space of the strategy named <paramref name="strategy"/> over the options it would be built with.
    /// </summary>
    /// <param name="strategy">A leaderboard name: <c>early/logreg</c>, <c>stacking/gbdt</c> (its meta-learner is tuned), <c>joint-gated</c>, <c>image-only/mlp</c>, ...</param>
    /// <param name="learnerOptions">The learner's options to start from (as <see cref="StrategyCatalog.Parse(string, LearnerOptions?, IReadOnlyCollection{string}, FusionSettings?)"/> takes them).</param>
    /// <param name="settings">Vote weights, stacking bases, the joint networks' options, absence training.</param>
    /// <param name="features">The features the trials select from: the text choice is searched when some text column has both blocks.</param>
    public static SearchSpace For(string strategy, LearnerOptions? learnerOptions, FusionSettings? settings, FeatureSet features)
    {
        if (strategy == StrategyCatalog.Ensemble)
            throw new MMFuseInputException("the ensemble has no single learner to tune: tune one of its members (e.g. early/mlp or joint-gated)");
        var slash = strategy.IndexOf('/');
        var family = slash < 0 ? strategy : strategy[..slash];
        var learner = JointKinds.TryParse(family, out _) ? "joint" : slash < 0 ? "logreg" : strategy[(slash + 1)..];
        // Options built from the command line describe the MLP; other learners start from their defaults (as StrategyCatalog does).
        var own = learnerOptions is MlpOptions && learner != "mlp" ? null : learnerOptions;
        // A single block stays what it is: a text-only strategy would lose its block under the other text choice.
        var text = family.EndsWith("-only", StringComparison.Ordinal) ? [] : FeatureSelection.TextChoices(features);
        var blocks = features.BlockNames.ToList();
        var space = new SearchSpace(strategy, learner, own, settings ?? new FusionSettings(), blocks, text);
        space.Build(new TrialConfig(0, new Dictionary<string, double>()));   // an unknown name fails here, before any trial
        return space;
    }

    /// <summary>The space of a strategy object, by its name (for strategies built with <see cref="Strategies"/>: its
    /// options start from the learner's defaults; use <see cref="For"/> to keep particular options).</summary>
    public static SearchSpace Of(IFusionStrategy strategy, FeatureSet features) => strategy is AbsenceTrainingStrategy absence
        ? For(absence.Inner.Name, null, new FusionSettings(AbsenceTraining: true), features)
        : For(strategy.Name, null, null, features);

    /// <summary>
    /// <paramref name="count"/> configurations drawn from a generator seeded with <paramref name="seed"/>: the first is
    /// the untuned defaults (with both text blocks, as extracted), so tuning never loses sight of them.
    /// </summary>
    public IReadOnlyList<TrialConfig> Sample(int count, int seed)
    {
        var random = new Random(seed);
        var configs = new List<TrialConfig> { new(0, new Dictionary<string, double>()) };
        for (var id = 1; id < count; id++)
        {
            var values = Dimensions.ToDictionary(d => d.Name, d => d.Sample(random), StringComparer.Ordinal);
            configs.Add(new TrialConfig(id, values, TextChoices.Count > 0 ? TextChoices[random.Next(TextChoices.Count)] : null));
        }
        return configs;
    }

    /// <summary>The strategy object of a configuration.</summary>
    public IFusionStrategy Build(TrialConfig config)
    {
        if (Learner == "joint")
            return StrategyCatalog.Parse(Strategy, null, _blocks, _settings with { Joint = LearnerSpaces.Joint(_settings.Joint, config.Values) });
        return StrategyCatalog.Parse(Strategy, LearnerSpaces.Options(Learner, _learnerOptions, config.Values), _blocks, _settings);
    }
}
