namespace MMFuse.Evaluation;

/// <summary>A metric over the folds of a split: mean, standard deviation (population, as numpy's default, so it
/// matches <c>scores.std()</c> of scikit-learn's cross_val_score) and every fold's value in fold order.</summary>
public sealed record MetricSummary(double Mean, double Std, IReadOnlyList<double> PerFold)
{
    /// <summary>Summarises per-fold values; non-finite values (a ROC AUC undefined in a one-class fold) are left out of
    /// mean and std but kept in <see cref="PerFold"/>.</summary>
    public static MetricSummary Of(IReadOnlyList<double> perFold)
    {
        var finite = perFold.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
            return new MetricSummary(double.NaN, double.NaN, perFold);
        var mean = finite.Average();
        var std = Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / finite.Length);
        return new MetricSummary(mean, std, perFold);
    }
}
