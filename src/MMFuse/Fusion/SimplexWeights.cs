using MMFuse.Data;

namespace MMFuse.Fusion;

/// <summary>
/// Learns late-fusion weights on the probability simplex from out-of-fold predictions, by exponentiated gradient
/// (mirror descent with the entropy mirror map): w ← w ⊙ exp(−η g), renormalised, which stays on the simplex by
/// construction. The objective is what prediction uses: each row's weighted average over the modalities present in
/// it (weights renormalised over them), scored by log-loss of the true class (classification) or squared error
/// (regression), averaged over rows with at least one modality. With every modality present the problem is convex;
/// the renormalisation over present modalities makes it merely smooth, so the run starts from uniform weights and
/// keeps the best iterate. The step η_t = 1 / (√t · max|g|) bounds each multiplicative update by e^(1/√t) whatever
/// the gradient's scale. A handful of weights and a few hundred steps: milliseconds, deterministic.
/// </summary>
internal static class SimplexWeights
{
    // Log-loss is capped at −log(1e-15) per row (as scikit-learn clips), so one confident miss cannot blow up the step.
    private const double MinProbability = 1e-15;

    /// <param name="predictions">Per modality, per row: the out-of-fold prediction, or null where it has none.</param>
    /// <returns>One weight per modality, summing to 1; 0 for a modality with no prediction at all.</returns>
    /// <param name="targets">Class index or value per row.</param>
    /// <param name="task">Log-loss for classification, squared error for regression.</param>
    /// <param name="steps">Exponentiated-gradient steps.</param>
    /// <param name="rowWeights">Sample weight per row (the loss is their weighted mean); null for none.</param>
    public static double[] Fit(IReadOnlyList<float[]?[]> predictions, float[] targets, TaskKind task, int steps, float[]? rowWeights = null)
    {
        var active = predictions.Select(p => p.Any(r => r is not null)).ToArray();
        var count = active.Count(a => a);
        var w = active.Select(a => a ? 1.0 / Math.Max(1, count) : 0).ToArray();
        if (count <= 1)
            return w;

        var gradient = new double[w.Length];
        var best = (double[])w.Clone();
        var bestLoss = Loss(w, predictions, targets, task, gradient, rowWeights);
        for (var t = 1; t <= steps; t++)
        {
            var scale = gradient.Max(Math.Abs);
            if (!(scale > 0) || !double.IsFinite(scale))
                break;
            var eta = 1 / (Math.Sqrt(t) * scale);
            for (var m = 0; m < w.Length; m++)
                w[m] *= Math.Exp(-eta * gradient[m]);
            var sum = w.Sum();
            for (var m = 0; m < w.Length; m++)
                w[m] /= sum;
            var loss = Loss(w, predictions, targets, task, gradient, rowWeights);
            if (loss < bestLoss)
                (bestLoss, best) = (loss, (double[])w.Clone());
        }
        return best;
    }

    /// <summary>Mean loss of the renormalised weighted average, and its gradient in <paramref name="gradient"/>.</summary>
    internal static double Loss(double[] w, IReadOnlyList<float[]?[]> predictions, float[] targets, TaskKind task, double[] gradient,
        float[]? rowWeights = null)
    {
        Array.Clear(gradient);
        double total = 0, rows = 0;
        for (var r = 0; r < targets.Length; r++)
        {
            double weight = 0, combined = 0;
            for (var m = 0; m < w.Length; m++)
            {
                if (predictions[m][r] is { } p)
                {
                    weight += w[m];
                    combined += w[m] * Value(p, targets[r], task);
                }
            }
            if (!(weight > 0))
                continue;
            double rowWeight = rowWeights?[r] ?? 1;
            rows += rowWeight;
            var f = combined / weight;
            // d f / d w_m = (value_m − f) / weight for a present modality m.
            double outer;
            if (task == TaskKind.Regression)
            {
                total += rowWeight * (f - targets[r]) * (f - targets[r]);
                outer = rowWeight * 2 * (f - targets[r]);
            }
            else
            {
                var q = Math.Max(f, MinProbability);
                total -= rowWeight * Math.Log(q);
                outer = f > MinProbability ? -rowWeight / q : 0;
            }
            for (var m = 0; m < w.Length; m++)
            {
                if (predictions[m][r] is { } p)
                    gradient[m] += outer * (Value(p, targets[r], task) - f) / weight;
            }
        }
        if (!(rows > 0))
            return 0;
        for (var m = 0; m < w.Length; m++)
            gradient[m] /= rows;
        return total / rows;
    }

    // The quantity being averaged: the probability of the true class, or the predicted value.
    private static double Value(float[] prediction, float target, TaskKind task) =>
        task == TaskKind.Regression ? prediction[0] : prediction[(int)target];
}
