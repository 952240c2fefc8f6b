using System.Text.Json.Nodes;
using MMFuse.Evaluation.MultiLabel;
using MMFuse.Features;
using MMFuse.Learners;

namespace MMFuse.Fusion.MultiLabel;

/// <summary>
/// One binary model per label and the labels' decision thresholds. Predicts <see cref="MultiLabelOutput"/> rows: each
/// label's probability (its model's class-1 probability), then whether it clears its threshold. In the model file each
/// label's spec is kept in label order and its payloads are prefixed <c>label.L.</c>, so equal names cannot clash.
/// </summary>
internal sealed class BinaryRelevanceModel(string strategy, string fusion, IFusionModel[] labels, float[] thresholds) : IFusionModel
{
    public const string Kind = "multilabel";

    /// <summary>Each label's decision threshold, in label order.</summary>
    public IReadOnlyList<float> Thresholds => thresholds;

    public float[][] Predict(IReadOnlyList<FeatureBlock> blocks)
    {
        var perLabel = labels.Select(m => m.Predict(blocks)).ToArray();
        return Enumerable.Range(0, blocks[0].Count)
            .Select(r => MultiLabelOutput.Row(perLabel.Select(p => p[r][1]).ToArray(), thresholds)).ToArray();
    }

    public (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe()
    {
        var specs = new JsonArray();
        var payloads = new List<(string, string, Action<Stream>)>();
        for (var l = 0; l < labels.Length; l++)
        {
            var (spec, labelPayloads) = labels[l].Describe();
            specs.Add(spec);
            payloads.AddRange(labelPayloads.Select(p => ($"label.{l}.{p.Name}", p.Kind, p.Write)));
        }
        return (new JsonObject
        {
            ["strategy"] = strategy,
            ["fusion"] = Kind,
            ["label_fusion"] = fusion,
            ["thresholds"] = new JsonArray(thresholds.Select(t => (JsonNode?)t).ToArray()),
            ["labels"] = specs,
        }, payloads);
    }

    public void Dispose()
    {
        foreach (var label in labels)
            label.Dispose();
    }

    public static IFusionModel Load(JsonObject spec, Func<string, IPredictor> loadPredictor)
    {
        var labels = spec["labels"]!.AsArray().Select((s, l) => s!["fusion"]?.GetValue<string>() == ConstantLabelModel.Kind
            ? new ConstantLabelModel(s["probability"]!.GetValue<float>())
            : FusionModels.Load(s.AsObject(), n => loadPredictor($"label.{l}.{n}"))).ToArray();
        var thresholds = spec["thresholds"]!.AsArray().Select(t => t!.GetValue<float>()).ToArray();
        if (thresholds.Length != labels.Length)
            throw new InvalidDataException($"the multilabel model has {labels.Length} label models but {thresholds.Length} thresholds");
        return new BinaryRelevanceModel(spec["strategy"]!.GetValue<string>(), spec["label_fusion"]!.GetValue<string>(), labels, thresholds);
    }
}
