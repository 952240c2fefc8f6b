namespace MMFuse.Evaluation;

/// <summary>Checks the sample weights a metric is given: one per row, each finite and not negative.</summary>
internal static class WeightChecks
{
    public static void Check(IReadOnlyList<float>? weights, int rows)
    {
        if (weights is null)
            return;
        if (weights.Count != rows)
            throw new ArgumentException($"Need one sample weight per row: {rows} rows, {weights.Count} weights.", nameof(weights));
        for (var i = 0; i < weights.Count; i++)
        {
            if (!float.IsFinite(weights[i]) || weights[i] < 0)
                throw new ArgumentException($"Sample weight {weights[i]} at row {i} is not a finite number ≥ 0.", nameof(weights));
        }
    }

    /// <summary>Row <paramref name="i"/>'s weight: 1 without weights.</summary>
    public static double At(IReadOnlyList<float>? weights, int i) => weights?[i] ?? 1;
}
