namespace MMFuse.Evaluation.Calibration;

/// <summary>
/// Split-conformal prediction (Vovk et al.; Angelopoulos &amp; Bates, 2021). Classification: the nonconformity of a
/// row is 1 − p(true class); the threshold q̂ is the ⌈(n+1)·coverage⌉-th smallest of n calibration scores, and the set
/// holds every class with 1 − p ≤ q̂. Regression: the score is |y − ŷ| and the interval ŷ ± q̂. With exchangeable rows
/// the set covers the truth with probability at least <c>coverage</c>.
/// </summary>
public static class SplitConformal
{
    /// <summary>The threshold from calibration scores; +∞ when there are too few rows for the coverage asked.</summary>
    public static double Quantile(IReadOnlyList<double> scores, double coverage)
    {
        if (coverage is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(coverage), coverage, "coverage must be between 0 and 1");
        var n = scores.Count;
        var rank = (int)Math.Ceiling((n + 1) * coverage);
        if (n == 0 || rank > n)
            return double.PositiveInfinity;
        return scores.Order().ElementAt(rank - 1);
    }

    /// <summary>Classification scores: 1 − the probability of the true class.</summary>
    public static double[] ClassScores(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels) =>
        Enumerable.Range(0, probabilities.Count).Select(i => 1.0 - probabilities[i][labels[i]]).ToArray();

    /// <summary>The classes in a row's prediction set, most probable first (never empty: the top class is always in).</summary>
    public static int[] Set(float[] probabilities, double quantile)
    {
        var set = Enumerable.Range(0, probabilities.Length).Where(c => 1.0 - probabilities[c] <= quantile + 1e-12)
            .OrderByDescending(c => probabilities[c]).ThenBy(c => c).ToList();
        if (set.Count == 0)
            set.Add(Array.IndexOf(probabilities, probabilities.Max()));
        return set.ToArray();
    }
}
