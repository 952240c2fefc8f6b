namespace MMFuse.Evaluation.Calibration;

/// <summary>
/// Temperature scaling of probabilities: <c>p_c^(1/T)</c> renormalised, which is softmax(logit / T) for a softmax model
/// and leaves the predicted class unchanged. T is fitted by minimising the log loss with a golden-section search over
/// log T in [−4, 4] — the loss is unimodal in log T — so the fit is deterministic and needs no gradient.
/// </summary>
public static class TemperatureScaling
{
    private const double Floor = 1e-12;

    /// <summary>The temperature that minimises the log loss of <paramref name="probabilities"/> against <paramref name="labels"/>.</summary>
    public static double Fit(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels)
    {
        if (probabilities.Count == 0)
            return 1.0;
        double Loss(double logT)
        {
            var t = Math.Exp(logT);
            var total = 0.0;
            for (var i = 0; i < probabilities.Count; i++)
                total -= Math.Log(Math.Max(Scaled(probabilities[i], t)[labels[i]], Floor));
            return total;
        }
        double a = -4, b = 4;
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double c = b - ratio * (b - a), d = a + ratio * (b - a);
        double fc = Loss(c), fd = Loss(d);
        for (var i = 0; i < 60 && b - a > 1e-5; i++)
        {
            if (fc < fd) { b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = Loss(c); }
            else { a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = Loss(d); }
        }
        return Math.Exp((a + b) / 2);
    }

    /// <summary>One row's probabilities at temperature <paramref name="temperature"/>.</summary>
    public static double[] Scaled(float[] probabilities, double temperature)
    {
        var scaled = new double[probabilities.Length];
        var max = double.NegativeInfinity;
        for (var c = 0; c < scaled.Length; c++)
        {
            scaled[c] = Math.Log(Math.Max(probabilities[c], Floor)) / temperature;
            max = Math.Max(max, scaled[c]);
        }
        var sum = 0.0;
        for (var c = 0; c < scaled.Length; c++)
            sum += scaled[c] = Math.Exp(scaled[c] - max);
        for (var c = 0; c < scaled.Length; c++)
            scaled[c] /= sum;
        return scaled;
    }
}
