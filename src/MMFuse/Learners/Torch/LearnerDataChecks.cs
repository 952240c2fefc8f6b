using MMFuse.Data;

namespace MMFuse.Learners.Torch;

/// <summary>Rejects training data that would otherwise train silently on garbage.</summary>
internal static class LearnerDataChecks
{
    /// <summary>Checks shapes, labels and weights; returns the per-row weights (all 1 when none were given).</summary>
    public static float[] Validate(LearnerData data)
    {
        if (data.Rows == 0)
            throw new ArgumentException("There are no training rows.");
        if (data.Columns == 0)
            throw new ArgumentException("The training rows have no features.");
        if (data.Labels.Length != data.Rows)
            throw new ArgumentException($"There are {data.Labels.Length} labels for {data.Rows} rows.");
        for (var r = 0; r < data.Rows; r++)
        {
            if (data.Features[r].Length != data.Columns)
                throw new ArgumentException($"Row {r} has {data.Features[r].Length} features; row 0 has {data.Columns}.");
        }

        if (data.Task == TaskKind.Regression)
        {
            var bad = Array.FindIndex(data.Labels, l => !float.IsFinite(l));
            if (bad >= 0)
                throw new ArgumentException($"Row {bad} has target {data.Labels[bad]}; regression targets must be finite.");
        }
        else
        {
            if (data.ClassCount < 2)
                throw new ArgumentException($"Classification needs at least 2 classes (got {data.ClassCount}).");
            var bad = Array.FindIndex(data.Labels, l => l != MathF.Floor(l) || l < 0 || l >= data.ClassCount);
            if (bad >= 0)
                throw new ArgumentException($"Row {bad} has label {data.Labels[bad]}; expected a class index 0..{data.ClassCount - 1}.");
        }

        if (data.Weights is null)
            return Enumerable.Repeat(1f, data.Rows).ToArray();
        if (data.Weights.Length != data.Rows)
            throw new ArgumentException($"There are {data.Weights.Length} sample weights for {data.Rows} rows.");
        var negative = Array.FindIndex(data.Weights, v => !(v >= 0 && float.IsFinite(v)));
        if (negative >= 0)
            throw new ArgumentException($"Row {negative} has sample weight {data.Weights[negative]}; weights must be finite and non-negative.");
        if (data.Weights.All(v => v == 0))
            throw new ArgumentException("All sample weights are zero.");
        return data.Weights;
    }
}
