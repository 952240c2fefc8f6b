using System.Text.Json.Nodes;
using MMFuse.Features;

namespace MMFuse.Fusion;

/// <summary>A trained fusion model. Predictions are per row: class probabilities, or one value for regression.</summary>
public interface IFusionModel
{
    float[][] Predict(IReadOnlyList<FeatureBlock> blocks);

    /// <summary>The fusion specification for the model file, and its binary payloads (name → writer).</summary>
    (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe();
}
