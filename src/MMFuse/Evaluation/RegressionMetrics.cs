namespace MMFuse.Evaluation;

/// <summary>RMSE, MAE and R² with scikit-learn's definitions (R² of a constant target: 1 for a perfect fit,
/// else 0, as <c>r2_score(force_finite=True)</c>), optionally weighted as its <c>sample_weight</c>: weighted means of
/// the squared and absolute errors, and R² = 1 − Σw(y − ŷ)² / Σw(y − ȳ_w)² around the weighted mean ȳ_w. Sums are in
/// double.</summary>
public static class RegressionMetrics
{
    /// <summary>RMSE, MAE and R² of <paramref name="predictions"/> against <paramref name="targets"/>, weighted by
    /// <paramref name="weights"/> when given (NaN everywhere when they sum to 0).</summary>
    public static RegressionReport Compute(IReadOnlyList<float> predictions, IReadOnlyList<float> targets, IReadOnlyList<float>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        if (predictions.Count != targets.Count || targets.Count == 0)
            throw new ArgumentException($"Need equally many predictions and targets (>0), got {predictions.Count} and {targets.Count}.");
        WeightChecks.Check(weights, targets.Count);
        double squared = 0, absolute = 0, mean = 0, totalWeight = 0;
        for (var i = 0; i < targets.Count; i++)
        {
            double w = weights?[i] ?? 1;
            var e = (double)predictions[i] - targets[i];
            squared += w * e * e;
            absolute += w * Math.Abs(e);
            mean += w * targets[i];
            totalWeight += w;
        }
        if (!(totalWeight > 0))
            return new RegressionReport(double.NaN, double.NaN, double.NaN);
        mean /= totalWeight;
        double total = 0;
        for (var i = 0; i < targets.Count; i++)
            total += (weights?[i] ?? 1) * (targets[i] - mean) * (targets[i] - mean);
        var r2 = total != 0 ? 1 - squared / total : squared == 0 ? 1 : 0;
        return new RegressionReport(Math.Sqrt(squared / totalWeight), absolute / totalWeight, r2);
    }
}
