using System.Text.Json.Nodes;
using MMFuse.Data;

namespace MMFuse.Fusion;

/// <summary>The task of a model-level fusion and its training prior: class frequencies (classification) or the mean
/// target (regression). The prior is the prediction for a row where no modality can speak.</summary>
internal sealed record FusionTarget(TaskKind Task, int ClassCount, float[] Prior)
{
    /// <summary>Values per prediction row: one per class, or one for regression.</summary>
    public int Width => Prior.Length;

    public static FusionTarget Of(FusionTrainingSet train)
    {
        if (train.Rows == 0)
            throw new ArgumentException("The training set has no rows.", nameof(train));
        if (train.Task == TaskKind.Regression)
            return new(train.Task, train.ClassCount, [(float)train.Targets.Average(t => (double)t)]);
        var counts = new double[train.ClassCount];
        foreach (var t in train.Targets)
            counts[(int)t]++;
        return new(train.Task, train.ClassCount, counts.Select(c => (float)(c / train.Rows)).ToArray());
    }

    public JsonObject ToJson() => new()
    {
        ["task"] = Task.ToString(),
        ["classes"] = ClassCount,
        ["prior"] = new JsonArray(Prior.Select(p => (JsonNode?)p).ToArray()),
    };

    public static FusionTarget FromJson(JsonNode node) => new(
        Enum.Parse<TaskKind>(node["task"]!.GetValue<string>()),
        node["classes"]!.GetValue<int>(),
        node["prior"]!.AsArray().Select(p => p!.GetValue<float>()).ToArray());
}
