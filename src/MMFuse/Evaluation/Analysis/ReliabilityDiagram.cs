namespace MMFuse.Evaluation.Analysis;

/// <summary>
/// Calibration of the pooled out-of-fold predictions: 15 equal-width bins on the top-class probability, the
/// same bins as <see cref="ClassificationMetrics.ExpectedCalibrationError"/>, whose value <see cref="Ece"/> is.
/// </summary>
public sealed record ReliabilityDiagram(int Rows, double Ece, IReadOnlyList<ReliabilityBin> Bins)
{
    /// <summary>The diagram of a pool of classification predictions (row count, ECE and the 15 bins).</summary>
    public static ReliabilityDiagram Of(OutOfFoldPredictions pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        const int bins = ClassificationMetrics.CalibrationBins;
        var count = new int[bins];
        var confidence = new double[bins];
        var correct = new double[bins];
        for (var i = 0; i < pool.Count; i++)
        {
            var row = pool.Predictions[i];
            double top = row.Max();
            var bin = ClassificationMetrics.CalibrationBin(top);
            count[bin]++;
            confidence[bin] += top;
            correct[bin] += Array.IndexOf(row, row.Max()) == (int)pool.Targets[i] ? 1 : 0;
        }
        var result = Enumerable.Range(0, bins).Select(b => new ReliabilityBin(
            (double)b / bins, (double)(b + 1) / bins, count[b],
            count[b] > 0 ? confidence[b] / count[b] : null,
            count[b] > 0 ? correct[b] / count[b] : null)).ToArray();
        var ece = result.Where(b => b.Count > 0).Sum(b => (double)b.Count / pool.Count * Math.Abs(b.Accuracy!.Value - b.MeanConfidence!.Value));
        return new ReliabilityDiagram(pool.Count, ece, result);
    }
}
