using MMFuse.Data;
using MMFuse.Features;

namespace MMFuse.Evaluation;

/// <summary>
/// Scores by which modalities a test row had: "all present", "only X" for each modality X, and "other" for the
/// rest, pooled over folds, with the main metric (accuracy, or RMSE for regression) and the row count.
/// </summary>
public static class PresenceSubsets
{
    /// <summary>The subset name of a row that had every modality.</summary>
    public const string AllPresent = "all present";

    /// <summary>Each row's subset name from the blocks it was predicted from.</summary>
    public static string[] Of(IReadOnlyList<FeatureBlock> blocks) => Of(blocks.Select(b => (b.Modality, b.Present)).ToArray());

    /// <summary>Each row's subset name from per-modality presence flags (e.g. <see cref="FeatureSet.Presence"/>).</summary>
    public static string[] Of(IReadOnlyList<(string Modality, bool[] Present)> blocks)
    {
        var rows = blocks.Count == 0 ? 0 : blocks[0].Present.Length;
        return Enumerable.Range(0, rows).Select(r =>
        {
            var present = blocks.Where(b => b.Present[r]).Select(b => b.Modality).ToList();
            return present.Count == blocks.Count ? AllPresent : present.Count == 1 ? "only " + present[0] : "other";
        }).ToArray();
    }

    /// <summary>Pools every fold's test predictions by subset name and scores each subset with the main metric; "all
    /// present" first, "other" last.</summary>
    public static IReadOnlyList<SubsetScore> Score(TaskKind task, int classCount, IReadOnlyList<Fold> folds,
        IReadOnlyList<float[][]> predictions, IReadOnlyList<string[]> subsets, float[] targets)
    {
        var pooled = new Dictionary<string, (List<float[]> Predictions, List<float> Targets)>(StringComparer.Ordinal);
        for (var f = 0; f < folds.Count; f++)
            for (var i = 0; i < folds[f].Test.Length; i++)
            {
                if (!pooled.TryGetValue(subsets[f][i], out var bucket))
                    pooled[subsets[f][i]] = bucket = ([], []);
                bucket.Predictions.Add(predictions[f][i]);
                bucket.Targets.Add(targets[folds[f].Test[i]]);
            }
        var metric = Comparison.MainMetric(task);
        return pooled
            .OrderBy(kv => kv.Key == AllPresent ? 0 : kv.Key == "other" ? 2 : 1).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new SubsetScore(kv.Key, kv.Value.Targets.Count, metric,
                FoldScorer.Score(task, classCount, kv.Value.Predictions.ToArray(), kv.Value.Targets)[metric]))
            .ToArray();
    }
}
