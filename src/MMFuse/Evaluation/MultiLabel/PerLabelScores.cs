using MMFuse.Evaluation.Analysis;

namespace MMFuse.Evaluation.MultiLabel;

/// <summary>Each label's scores over a cross-validation's pooled out-of-fold predictions (repeat 0).</summary>
public static class PerLabelScores
{
    /// <summary>One <see cref="PerLabelScore"/> per label of <paramref name="labels"/>, in label order.</summary>
    public static IReadOnlyList<PerLabelScore> Of(CrossValidationResult result, IReadOnlyList<float> targets, IReadOnlyList<string> labels)
    {
        var pool = OutOfFoldPredictions.Pool(result, targets);
        var truth = LabelSetCode.Decode(pool.Targets, labels.Count);
        var predicted = pool.Predictions.Select(MultiLabelOutput.Set).ToArray();
        var scores = pool.Predictions.Select(p => p[..labels.Count]).ToArray();
        return labels.Select((name, l) => MultiLabelMetrics.Label(name, truth, predicted, scores, l)).ToList();
    }
}
