namespace MMFuse.Evaluation.ModelSelection;

/// <summary>
/// The honest score of "select by cross-validation, then train the pick" (<see cref="Selection.Nested"/>): per outer
/// fold, what the inner cross-validation on the outer training part picked and how the pick scored on the outer test
/// part — rows that played no part in the pick.
/// </summary>
/// <param name="InnerFolds">Folds of each inner cross-validation.</param>
/// <param name="InnerRepeats">Its repeats.</param>
/// <param name="Folds">Per outer fold, in fold order.</param>
/// <param name="Metrics">The outer scores summarised over the outer folds, by metric name.</param>
/// <param name="Seconds">Seconds the inner cross-validations took.</param>
public sealed record NestedSelectionResult(int InnerFolds, int InnerRepeats, IReadOnlyList<NestedFold> Folds,
    IReadOnlyDictionary<string, MetricSummary> Metrics, double Seconds);

/// <summary>One outer fold of <see cref="NestedSelectionResult"/>.</summary>
/// <param name="Choice">What ensemble selection picked from the inner out-of-fold predictions (its score is the inner one).</param>
/// <param name="Scores">The pick's scores on the outer fold's test rows, by metric name.</param>
/// <param name="Predictions">The pick's predictions of those rows.</param>
public sealed record NestedFold(EnsembleChoice Choice, IReadOnlyDictionary<string, double> Scores, float[][] Predictions);
