namespace MMFuse.Evaluation.Analysis;

/// <summary>An out-of-fold row the model got wrong: its data-set row index, true and predicted class indices and
/// the predicted class's probability.</summary>
public sealed record ConfidentError(int Row, int TrueClass, int PredictedClass, double Confidence)
{
    /// <summary>The <paramref name="k"/> wrong rows with the highest confidence, most confident first (ties: lower row first).</summary>
    public static IReadOnlyList<ConfidentError> MostConfident(OutOfFoldPredictions pool, int k = 10)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var predicted = ClassificationMetrics.PredictedClasses(pool.Predictions);
        return Enumerable.Range(0, pool.Count)
            .Where(i => predicted[i] != (int)pool.Targets[i])
            .Select(i => new ConfidentError(pool.Rows[i], (int)pool.Targets[i], predicted[i], pool.Predictions[i][predicted[i]]))
            .OrderByDescending(e => e.Confidence).ThenBy(e => e.Row)
            .Take(k).ToArray();
    }
}
