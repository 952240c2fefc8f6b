using System.Text.Json.Nodes;
using MMFuse.Features;

namespace MMFuse.Fusion.MultiLabel;

/// <summary>A label every training row had (probability 1) or none had (0): predicted as that, whatever the row.</summary>
internal sealed class ConstantLabelModel(float probability) : IFusionModel
{
    public const string Kind = "constant";

    public float Probability => probability;

    public float[][] Predict(IReadOnlyList<FeatureBlock> blocks) =>
        Enumerable.Range(0, blocks[0].Count).Select(_ => new[] { 1 - probability, probability }).ToArray();

    public (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe() =>
        (new JsonObject { ["fusion"] = Kind, ["probability"] = probability }, []);
}
