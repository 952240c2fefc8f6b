using System.Text.Json.Nodes;
using MMFuse.Data;

namespace MMFuse.Fusion;

/// <summary>The task of a model-level fusion and its training prior: class frequencies (classification) or the mean
/// target (regression). The prior is the prediction for a row where no modality can speak.</summary>
internal sealed record FusionTarget(TaskKind Task, int ClassCount, float[] Prior)
{
    /// <summary>Values per prediction row: one per class, or one for regression.</summary>
    public int Width => Prior.Length;

    /// <summary>The prior of the training rows, each counting its sample weight (1 without weights).</summary>
    public static FusionTarget Of(FusionTrainingSet train)
    {
        if (train.Rows == 0)
            throw new ArgumentException("The training set has no rows.", nameof(train));
        var weights = train.Weights;
        if (weights is not null && !(weights.Sum(w => (double)w) > 0))
            weights = null; // rows that all weigh nothing: the unweighted prior is the only one defined
        double total = weights?.Sum(w => (double)w) ?? train.Rows;
        if (train.Task == TaskKind.Regression)
            return new(train.Task, train.ClassCount, [(float)(train.Targets.Select((t, r) => (double)t * (weights?[r] ?? 1)).Sum() / total)]);
        var counts = new double[train.ClassCount];
        for (var r = 0; r < train.Rows; r++)
            counts[(int)train.Targets[r]] += weights?[r] ?? 1;
        return new(train.Task, train.ClassCount, counts.Select(c => (float)(c / total)).ToArray());
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
