using System.Text.Json.Nodes;
using MMFuse.Features;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>
/// A trained <see cref="VoteStrategy"/>. Soft voting outputs the renormalised weighted average of the present
/// modalities' probabilities. Hard voting outputs each row's vote shares (the weight behind each class over the
/// weight of the present modalities), so the metrics see a probability row whose argmax is the vote's winner: when
/// classes tie on votes, the tie goes to the largest weighted probability sum, and the other tied classes are set a
/// hair (1e-5 relative) below the winner so that argmax agrees.
/// </summary>
public sealed class VoteModel : IFusionModel
{
    private const double TieTolerance = 1e-9;
    private const double LoserMargin = 1e-5;

    private readonly string _learner;
    private readonly ModalityEnsemble _ensemble;
    private readonly double[] _weights;

    internal VoteModel(string learner, VoteMode mode, ModalityEnsemble ensemble, IReadOnlyList<double> weights)
    {
        if (weights.Count != ensemble.Modalities.Count)
            throw new ArgumentException($"{weights.Count} weights for {ensemble.Modalities.Count} modalities.", nameof(weights));
        (_learner, Mode, _ensemble, _weights) = (learner, mode, ensemble, weights.ToArray());
    }

    /// <summary>Soft (average probabilities) or hard (majority of predicted classes) voting.</summary>
    public VoteMode Mode { get; }

    /// <summary>The weight of each modality's vote.</summary>
    public IReadOnlyDictionary<string, double> Weights => _ensemble.ByModality(_weights);

    /// <summary><inheritdoc /></summary>
    public float[][] Predict(IReadOnlyList<FeatureBlock> blocks)
    {
        var predictions = _ensemble.Predict(blocks);
        var soft = _ensemble.Average(predictions, _weights);
        return Mode == VoteMode.Soft ? soft : soft.Select((s, r) => Hard(predictions, r, s)).ToArray();
    }

    // `soft` is the row's soft average: proportional to the weighted probability sums that break ties (or the prior).
    private float[] Hard(IReadOnlyList<float[]?[]> predictions, int row, float[] soft)
    {
        var votes = new double[soft.Length];
        double total = 0;
        for (var m = 0; m < predictions.Count; m++)
        {
            if (predictions[m][row] is not { } p || !(_weights[m] > 0))
                continue;
            votes[Array.IndexOf(p, p.Max())] += _weights[m];
            total += _weights[m];
        }
        if (total == 0)
            return soft; // no voter present: the prior
        var most = votes.Max();
        var winner = -1;
        for (var c = 0; c < votes.Length; c++)
        {
            if (votes[c] >= most - TieTolerance * total && (winner < 0 || soft[c] > soft[winner]))
                winner = c;
        }
        var shares = votes.Select(v => v / total).ToArray();
        for (var c = 0; c < shares.Length; c++)
        {
            if (c != winner)
                shares[c] = Math.Min(shares[c], shares[winner] * (1 - LoserMargin));
        }
        var sum = shares.Sum();
        return shares.Select(s => (float)(s / sum)).ToArray();
    }

    /// <summary><inheritdoc /></summary>
    public (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe()
    {
        var spec = new JsonObject
        {
            ["strategy"] = $"{VoteStrategy.ModeName(Mode)}/{_learner}",
            ["fusion"] = "vote",
            ["mode"] = Mode == VoteMode.Hard ? "hard" : "soft",
            ["learner"] = _learner,
        };
        return (spec, _ensemble.Describe(spec, "vote", _weights));
    }

    internal static VoteModel Load(JsonObject spec, Func<string, IPredictor> loadPredictor)
    {
        var (ensemble, weights) = ModalityEnsemble.Load(spec, loadPredictor);
        var mode = spec["mode"]!.GetValue<string>() switch
        {
            "hard" => VoteMode.Hard,
            "soft" => VoteMode.Soft,
            var other => throw new InvalidDataException($"unknown vote mode '{other}' in the model file"),
        };
        return new VoteModel(spec["learner"]!.GetValue<string>(), mode, ensemble, weights);
    }

    /// <summary>Disposes the per-modality learners.</summary>
    public void Dispose() => _ensemble.Dispose();
}
