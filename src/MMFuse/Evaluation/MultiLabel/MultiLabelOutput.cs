namespace MMFuse.Evaluation.MultiLabel;

/// <summary>
/// The layout of a multi-label model's output row: one probability per label, then one 0/1 decision per label
/// (the probability against that label's tuned threshold). Keeping the decisions in the row lets every consumer of
/// predictions (fold scoring, ensembles of folds, the predictions file) see the set the model chose.
/// </summary>
public static class MultiLabelOutput
{
    /// <summary>An output row from per-label probabilities and thresholds.</summary>
    public static float[] Row(IReadOnlyList<float> probabilities, IReadOnlyList<float> thresholds)
    {
        var labels = probabilities.Count;
        var row = new float[2 * labels];
        for (var l = 0; l < labels; l++)
        {
            row[l] = probabilities[l];
            row[labels + l] = probabilities[l] >= thresholds[l] ? 1f : 0f;
        }
        return row;
    }

    /// <summary>The probability of label <paramref name="label"/> in <paramref name="row"/>.</summary>
    public static float Probability(float[] row, int label) => row[label];

    /// <summary>Whether the model put label <paramref name="label"/> in the row's predicted set.</summary>
    public static bool Chosen(float[] row, int label) => row[row.Length / 2 + label] >= 0.5f;

    /// <summary>The predicted set of a row, as flags per label.</summary>
    public static bool[] Set(float[] row) => Enumerable.Range(0, row.Length / 2).Select(l => Chosen(row, l)).ToArray();
}
