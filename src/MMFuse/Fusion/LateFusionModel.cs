using System.Text.Json.Nodes;
using MMFuse.Features;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>A trained <see cref="LateFusionStrategy"/>: per-modality learners and their learned weights.</summary>
public sealed class LateFusionModel : IFusionModel
{
    private readonly string _learner;
    private readonly ModalityEnsemble _ensemble;
    private readonly double[] _weights;
    private readonly LateFusionOptions _options;

    internal LateFusionModel(string learner, ModalityEnsemble ensemble, IReadOnlyList<double> weights, LateFusionOptions options)
    {
        if (weights.Count != ensemble.Modalities.Count)
            throw new ArgumentException($"{weights.Count} weights for {ensemble.Modalities.Count} modalities.", nameof(weights));
        (_learner, _ensemble, _weights, _options) = (learner, ensemble, weights.ToArray(), options);
    }

    /// <summary>The learned weight of each modality (they sum to 1 over the modalities with a learner).</summary>
    public IReadOnlyDictionary<string, double> Weights => _ensemble.ByModality(_weights);

    /// <summary><inheritdoc /></summary>
    public float[][] Predict(IReadOnlyList<FeatureBlock> blocks) => _ensemble.Average(_ensemble.Predict(blocks), _weights);

    /// <summary><inheritdoc /></summary>
    public (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe()
    {
        var spec = new JsonObject
        {
            ["strategy"] = $"late/{_learner}",
            ["fusion"] = "late",
            ["learner"] = _learner,
            ["innerFolds"] = _options.InnerFolds,
            ["steps"] = _options.Steps,
        };
        return (spec, _ensemble.Describe(spec, "late", _weights));
    }

    internal static LateFusionModel Load(JsonObject spec, Func<string, IPredictor> loadPredictor)
    {
        var (ensemble, weights) = ModalityEnsemble.Load(spec, loadPredictor);
        var options = new LateFusionOptions(spec["innerFolds"]!.GetValue<int>(), spec["steps"]!.GetValue<int>());
        return new LateFusionModel(spec["learner"]!.GetValue<string>(), ensemble, weights, options);
    }

    /// <summary>Disposes the per-modality learners.</summary>
    public void Dispose() => _ensemble.Dispose();
}
