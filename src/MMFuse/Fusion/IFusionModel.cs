using System.Text.Json.Nodes;
using MMFuse.Features;

namespace MMFuse.Fusion;

/// <summary>A trained fusion model. Predictions are per row: class probabilities, or one value for regression.
/// Dispose it when done: models with networks hold native (libtorch) memory that the collector does not see.</summary>
public interface IFusionModel : IDisposable
{
    /// <summary>Models that hold nothing native need no disposal.</summary>
    void IDisposable.Dispose()
    {
    }

    /// <summary>Predicts every row of <paramref name="blocks"/> (one raw block per modality, as in training; absent
    /// rows flagged): class probabilities, or one value per row for regression.</summary>
    float[][] Predict(IReadOnlyList<FeatureBlock> blocks);

    /// <summary>The fusion specification for the model file, and its binary payloads (name → writer).</summary>
    (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe();
}
