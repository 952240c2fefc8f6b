namespace MMFuse.Evaluation.Calibration;

/// <summary>
/// Isotonic regression of the positive class's probability (pool-adjacent-violators, as scikit-learn's
/// <c>IsotonicRegression(out_of_bounds="clip")</c>): a non-decreasing step map from the model's probability to the
/// observed frequency, interpolated linearly between steps.
/// </summary>
/// <param name="X">Step positions (ascending model probabilities).</param>
/// <param name="Y">Calibrated probability at each step (non-decreasing).</param>
public sealed record IsotonicCalibration(double[] X, double[] Y)
{
    /// <summary>Fits the map on the positive-class probabilities and 0/1 labels.</summary>
    public static IsotonicCalibration Fit(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ThenBy(i => i).ToArray();
        var blocks = new List<(double X, double Sum, double Count)>();
        foreach (var i in order)
        {
            blocks.Add((scores[i], labels[i], 1));
            // Merge while the new block's mean is below the previous block's: the map must not decrease.
            while (blocks.Count > 1 && blocks[^1].Sum / blocks[^1].Count <= blocks[^2].Sum / blocks[^2].Count)
            {
                var (x2, s2, c2) = blocks[^1];
                var (x1, s1, c1) = blocks[^2];
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = ((x1 * c1 + x2 * c2) / (c1 + c2), s1 + s2, c1 + c2);
            }
        }
        return new IsotonicCalibration(blocks.Select(b => b.X).ToArray(), blocks.Select(b => b.Sum / b.Count).ToArray());
    }

    /// <summary>The calibrated probability of a model probability, clipped to the fitted range.</summary>
    public double Apply(double score)
    {
        if (X.Length == 0) return score;
        if (score <= X[0]) return Y[0];
        if (score >= X[^1]) return Y[^1];
        var i = Array.BinarySearch(X, score);
        if (i >= 0) return Y[i];
        i = ~i;
        var w = (score - X[i - 1]) / (X[i] - X[i - 1]);
        return Y[i - 1] + w * (Y[i] - Y[i - 1]);
    }
}
