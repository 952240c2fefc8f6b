using System.Globalization;
using MathNet.Numerics.Distributions;

namespace MMFuse.Evaluation.Analysis;

/// <summary>
/// Two strategies compared on the same folds by the corrected resampled t-test of Nadeau &amp; Bengio (2003):
/// with per-fold differences d_j (j = 1..J) of the main metric, t = mean(d) / sqrt((1/J + n_test/n_train) · s²),
/// s² the sample variance of d, J − 1 degrees of freedom. The n_test/n_train term corrects for the folds' training
/// sets overlapping, which makes the plain paired t-test far too eager to call a difference.
/// </summary>
public sealed record PairedComparison(
    string A, string B, string Metric, double MeanDifference, double T, int DegreesOfFreedom, double PValue, string Verdict)
{
    /// <summary>Tests whether <paramref name="a"/> and <paramref name="b"/> differ on <paramref name="metric"/> at
    /// level <paramref name="alpha"/> (two-sided); both must have been evaluated on the very same folds.</summary>
    public static PairedComparison Of(CrossValidationResult a, CrossValidationResult b, string metric, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Folds.Count != b.Folds.Count || a.Folds.Zip(b.Folds).Any(p => !p.First.Test.SequenceEqual(p.Second.Test)))
            throw new ArgumentException($"'{a.Strategy}' and '{b.Strategy}' were not evaluated on the same folds; a paired test needs them.");
        var differences = a.FoldScores.Zip(b.FoldScores).Select(p => p.First[metric] - p.Second[metric]).ToArray();
        if (differences.Any(d => !double.IsFinite(d)))
            throw new ArgumentException($"Metric '{metric}' is not finite on every fold.");
        var ratio = a.Folds.Average(f => (double)f.Test.Length / f.Train.Length);
        var (t, p) = Test(differences, ratio);
        var mean = differences.Average();
        return new PairedComparison(a.Strategy, b.Strategy, metric, mean, t, differences.Length - 1, p,
            VerdictOf(a.Strategy, b.Strategy, metric, mean, p, alpha));
    }

    /// <summary>The corrected t statistic and two-sided p-value. Identical folds (zero variance, zero mean) give
    /// t = 0, p = 1; a constant non-zero difference gives an infinite t and p = 0; a single fold cannot be tested (NaN).</summary>
    internal static (double T, double P) Test(IReadOnlyList<double> differences, double testTrainRatio)
    {
        var j = differences.Count;
        if (j < 2)
            return (double.NaN, double.NaN);
        var mean = differences.Average();
        var variance = differences.Sum(d => (d - mean) * (d - mean)) / (j - 1);
        if (variance == 0)
            return mean == 0 ? (0, 1) : (Math.CopySign(double.PositiveInfinity, mean), 0);
        var t = mean / Math.Sqrt((1.0 / j + testTrainRatio) * variance);
        return (t, TwoSidedP(t, j - 1));
    }

    /// <summary>P(|T| ≥ |t|) for Student's t with <paramref name="degreesOfFreedom"/>; the lower tail is used
    /// directly so that tiny p-values keep their precision.</summary>
    internal static double TwoSidedP(double t, double degreesOfFreedom) =>
        Math.Min(1, 2 * StudentT.CDF(0, 1, degreesOfFreedom, -Math.Abs(t)));

    private static string VerdictOf(string a, string b, string metric, double meanDifference, double p, double alpha)
    {
        if (double.IsNaN(p))
            return $"{a} and {b} cannot be compared with a single fold";
        var shown = p < 0.001 ? "p < 0.001" : string.Create(CultureInfo.InvariantCulture, $"p = {p:0.###}");
        if (p >= alpha)
            return $"{a} and {b} are not significantly different on {metric} ({shown})";
        var aWins = meanDifference > 0 == FoldScorer.HigherIsBetter(metric);
        return $"{(aWins ? a : b)} is better than {(aWins ? b : a)} on {metric} ({shown})";
    }
}
