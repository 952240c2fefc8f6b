using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>One modality's normaliser and learner, both fitted on the rows where that modality is present.</summary>
internal sealed partial class ModalityModel(FittedNormalizer normalizer, IPredictor predictor) : IDisposable
{
    public void Dispose() => (predictor as IDisposable)?.Dispose();

    public string Modality => normalizer.Modality;

    /// <summary>One prediction row per input row; null where the block is absent (the learner never sees those).</summary>
    public float[]?[] Predict(FeatureBlock block)
    {
        var present = Enumerable.Range(0, block.Count).Where(r => block.Present[r]).ToArray();
        var result = new float[]?[block.Count];
        if (present.Length == 0)
            return result;
        var predicted = predictor.Predict(normalizer.Transform(FeatureBlocks.Subset(block, present)).Rows);
        for (var i = 0; i < present.Length; i++)
            result[present[i]] = predicted[i];
        return result;
    }

    /// <summary>The spec entry (normaliser, payload name) and the payload that holds the learner.</summary>
    public (JsonObject Spec, (string Name, string Kind, Action<Stream> Write) Payload) Describe(string payload) =>
        (new JsonObject { ["normalizer"] = normalizer.ToJson(), ["predictor"] = payload }, (payload, predictor.Kind, predictor.Save));

    /// <summary>The payload name <c>prefix.modality</c>. A modality name (a column name) with characters a model
    /// file's entry names cannot hold has them replaced by '_' and its position appended, so names stay distinct.</summary>
    public static string PayloadName(string prefix, string modality, int index)
    {
        var safe = Unsafe().Replace(modality, "_");
        return safe == modality ? $"{prefix}.{modality}" : $"{prefix}.{safe}-{index}";
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex Unsafe();

    public static ModalityModel Load(JsonNode spec, Func<string, IPredictor> loadPredictor) =>
        new(FittedNormalizer.FromJson(spec["normalizer"]!), loadPredictor(spec["predictor"]!.GetValue<string>()));
}
