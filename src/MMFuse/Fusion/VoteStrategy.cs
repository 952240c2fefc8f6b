using System.Globalization;
using MMFuse.Data;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>
/// Algorithm fusion by voting (<c>vote-soft/&lt;learner&gt;</c>, <c>vote-hard/&lt;learner&gt;</c>): one learner per modality,
/// each normalised and trained on the rows where its block is present, combined with equal or user-given weights
/// (modality → weight; a modality not named weighs 1). Each row votes only among the modalities present in it; a row
/// with none gets the training prior. Hard voting is for classification only.
/// </summary>
public sealed class VoteStrategy : IFusionStrategy
{
    private readonly string _learner;
    private readonly VoteMode _mode;
    private readonly IReadOnlyDictionary<string, double> _weights;
    private readonly LearnerOptions? _options;

    /// <summary>Voting among one <paramref name="learner"/> per modality; <paramref name="weights"/> gives a modality's
    /// vote weight (default 1).</summary>
    public VoteStrategy(string learner, VoteMode mode, IReadOnlyDictionary<string, double>? weights = null, LearnerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(learner);
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown vote mode.");
        foreach (var (modality, weight) in weights ?? new Dictionary<string, double>())
        {
            if (!double.IsFinite(weight) || weight < 0)
                throw new ArgumentException($"Vote weight of '{modality}' is {weight}; weights must be finite and not negative.", nameof(weights));
        }
        (_learner, _mode, _options) = (learner, mode, options);
        _weights = new Dictionary<string, double>(weights ?? new Dictionary<string, double>(), StringComparer.Ordinal);
    }

    /// <summary><inheritdoc /></summary>
    public string Name => $"{ModeName(_mode)}/{_learner}";

    /// <summary><inheritdoc /></summary>
    public string Fusion => "vote";

    /// <summary><inheritdoc /></summary>
    public IFusionModel Fit(FusionTrainingSet train)
    {
        FusionBlocks.CheckTraining(train);
        if (_mode == VoteMode.Hard && train.Task == TaskKind.Regression)
            throw new ArgumentException("Hard voting needs a classification task; use vote-soft for regression.", nameof(train));
        var names = train.Blocks.Select(b => b.Modality).ToArray();
        var unknown = _weights.Keys.Where(k => !names.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException(
                $"Vote weights name unknown modalit{(unknown.Length == 1 ? "y" : "ies")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}; " +
                $"the modalities are {string.Join(", ", names)}.", nameof(train));
        var weights = names.Select(n => _weights.GetValueOrDefault(n, 1.0)).ToArray();
        if (weights.All(w => w == 0))
            throw new ArgumentException("Every vote weight is 0; at least one modality must count.", nameof(train));
        var fit = new BlockLearner(_learner, _options, train.Task, train.ClassCount, train.Seed, train.Normalize);
        return new VoteModel(_learner, _mode, ModalityEnsemble.Fit(train, fit), weights);
    }

    internal static string ModeName(VoteMode mode) => mode == VoteMode.Hard ? "vote-hard" : "vote-soft";

    /// <summary>Parses <c>image=2,text=1</c> (the CLI's <c>--weights</c>) into modality → weight.</summary>
    /// <exception cref="ArgumentException">A malformed item, a repeated modality, or a weight that is not a finite number ≥ 0.</exception>
    public static IReadOnlyDictionary<string, double> ParseWeights(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
                throw new ArgumentException($"Vote weight '{item}' is not of the form modality=number.", nameof(text));
            if (!double.IsFinite(weight) || weight < 0)
                throw new ArgumentException($"Vote weight of '{parts[0]}' is {parts[1]}; weights must be finite and not negative.", nameof(text));
            if (!weights.TryAdd(parts[0], weight))
                throw new ArgumentException($"Vote weight of '{parts[0]}' is given twice.", nameof(text));
        }
        return weights;
    }
}
