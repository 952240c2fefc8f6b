namespace MMFuse.Evaluation;

/// <summary>RMSE, MAE and R² with scikit-learn's definitions (R² of a constant target: 1 for a perfect fit,
/// else 0, as <c>r2_score(force_finite=True)</c>). Sums are in double.</summary>
public static class RegressionMetrics
{
    /// <summary>RMSE, MAE and R² of <paramref name="predictions"/> against <paramref name="targets"/>.</summary>
    public static RegressionReport Compute(IReadOnlyList<float> predictions, IReadOnlyList<float> targets)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        if (predictions.Count != targets.Count || targets.Count == 0)
            throw new ArgumentException($"Need equally many predictions and targets (>0), got {predictions.Count} and {targets.Count}.");
        double squared = 0, absolute = 0, mean = 0;
        for (var i = 0; i < targets.Count; i++)
        {
            var e = (double)predictions[i] - targets[i];
            squared += e * e;
            absolute += Math.Abs(e);
            mean += targets[i];
        }
        mean /= targets.Count;
        double total = 0;
        foreach (var y in targets)
            total += (y - mean) * (y - mean);
        var r2 = total != 0 ? 1 - squared / total : squared == 0 ? 1 : 0;
        return new RegressionReport(Math.Sqrt(squared / targets.Count), absolute / targets.Count, r2);
    }
}
