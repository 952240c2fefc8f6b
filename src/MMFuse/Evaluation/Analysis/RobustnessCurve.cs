namespace MMFuse.Evaluation.Analysis;

/// <summary>
/// The main metric (mean over folds) as one block degrades. <see cref="Kind"/> "missing": X is the fraction of
/// each fold's test rows with the block marked absent; "noise": X = level / levels (0 = clean). <see cref="Area"/>
/// is the trapezoid area under the curve over X rescaled to [0, 1] (relative robustness: a flat curve's area is its
/// value); <see cref="EffectiveRobustness"/> is Area minus the reference curve's (same block and kind), when one is given.
/// </summary>
public sealed record RobustnessCurve(string Block, string Kind, IReadOnlyList<double> X, IReadOnlyList<double> Metric, double Area,
    double? EffectiveRobustness = null)
{
    /// <summary>The <see cref="Kind"/> of a curve over the share of test rows with the block marked absent.</summary>
    public const string Missing = "missing";
    /// <summary>The <see cref="Kind"/> of a curve over increasing noise levels added to the block's inputs.</summary>
    public const string Noise = "noise";

    /// <summary>Trapezoid rule over <paramref name="x"/>, divided by the x span so the result is a mean height.</summary>
    public static double AreaUnder(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count || x.Count < 2)
            throw new ArgumentException($"A curve needs at least two points and as many x as y values, got {x.Count} and {y.Count}.");
        var span = x[^1] - x[0];
        if (!(span > 0))
            throw new ArgumentException("Curve x values must ascend.");
        double area = 0;
        for (var i = 1; i < x.Count; i++)
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        return area / span;
    }

    /// <summary>Each curve with its gap to the reference curve of the same block and kind (null when there is none).</summary>
    public static IReadOnlyList<RobustnessCurve> AgainstReference(IReadOnlyList<RobustnessCurve> curves, IReadOnlyList<RobustnessCurve> reference) =>
        curves.Select(c => c with
        {
            EffectiveRobustness = reference.FirstOrDefault(r => r.Block == c.Block && r.Kind == c.Kind) is { } r ? c.Area - r.Area : null,
        }).ToArray();
}
