namespace MMFuse.Evaluation.Analysis;

/// <summary>
/// The test predictions of every fold pooled into one prediction per row, ordered by row index. With repeated
/// splits only repeat 0 is kept: averaging a row's predictions over repeats would be an ensemble, whose
/// confidences (and so calibration and "confidently wrong" rows) are not those of any model actually trained.
/// Rows never tested (a holdout split) are simply not in the pool.
/// </summary>
public sealed record OutOfFoldPredictions(int[] Rows, float[][] Predictions, float[] Targets)
{
    /// <summary>The number of rows in the pool.</summary>
    public int Count => Rows.Length;

    /// <summary>Pools repeat 0's test predictions of <paramref name="result"/> by row; throws when a row is tested
    /// twice in that repeat.</summary>
    public static OutOfFoldPredictions Pool(CrossValidationResult result, IReadOnlyList<float> targets)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(targets);
        var byRow = new SortedDictionary<int, float[]>();
        for (var f = 0; f < result.Folds.Count; f++)
        {
            var fold = result.Folds[f];
            if (fold.Repeat != 0)
                continue;
            var predictions = result.FoldPredictions[f];
            if (predictions.Length != fold.Test.Length)
                throw new ArgumentException($"Fold {fold.Index} has {predictions.Length} predictions for {fold.Test.Length} test rows.");
            for (var i = 0; i < fold.Test.Length; i++)
            {
                if (!byRow.TryAdd(fold.Test[i], predictions[i]))
                    throw new ArgumentException($"Row {fold.Test[i]} is tested twice within repeat 0; out-of-fold predictions need disjoint test folds.");
            }
        }
        if (byRow.Count == 0)
            throw new ArgumentException("No test predictions in repeat 0 to pool.");
        var rows = byRow.Keys.ToArray();
        return new OutOfFoldPredictions(rows, byRow.Values.ToArray(), rows.Select(r => targets[r]).ToArray());
    }

    /// <summary>The rows at the given positions of the pool (positions may repeat: a bootstrap resample).</summary>
    internal OutOfFoldPredictions Take(IReadOnlyList<int> positions) => new(
        positions.Select(p => Rows[p]).ToArray(), positions.Select(p => Predictions[p]).ToArray(), positions.Select(p => Targets[p]).ToArray());
}
