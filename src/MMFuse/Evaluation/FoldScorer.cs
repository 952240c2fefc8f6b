using MMFuse.Data;

namespace MMFuse.Evaluation;

/// <summary>The metrics of one evaluation fold by name, as they appear in the JSON. The first is the main one.</summary>
public static class FoldScorer
{
    /// <summary>Classification metrics, main one (accuracy) first.</summary>
    public static readonly IReadOnlyList<string> ClassificationMetricNames =
        ["accuracy", "balanced_accuracy", "macro_f1", "log_loss", "roc_auc", "ece"];

    /// <summary>Regression metrics, main one (RMSE) first.</summary>
    public static readonly IReadOnlyList<string> RegressionMetricNames = ["rmse", "mae", "r2"];

    /// <summary>The metric names reported for <paramref name="task"/>, main one first.</summary>
    public static IReadOnlyList<string> MetricNames(TaskKind task) => task switch
    {
        TaskKind.Regression => RegressionMetricNames,
        TaskKind.Multilabel => MultiLabel.MultiLabelMetrics.Names,
        _ => ClassificationMetricNames,
    };

    /// <summary>Whether a larger value is better (accuracy) or worse (log-loss, RMSE).</summary>
    public static bool HigherIsBetter(string metric) => metric is not ("log_loss" or "ece" or "rmse" or "mae" or "hamming_loss");

    /// <summary>Scores one set of predictions (class probabilities, or one value per row for regression) against the
    /// targets, by metric name; each metric weighted by <paramref name="weights"/> (scikit-learn's <c>sample_weight</c>)
    /// when given (multi-label metrics are not weighted). Multi-label: <paramref name="classCount"/> is the label count, the
    /// targets are label-set codes (<see cref="MultiLabel.LabelSetCode"/>) and the predictions <see cref="MultiLabel.MultiLabelOutput"/> rows.</summary>
    public static Dictionary<string, double> Score(TaskKind task, int classCount, float[][] predictions, IReadOnlyList<float> targets,
        IReadOnlyList<float>? weights = null)
    {
        if (task == TaskKind.Multilabel)
            return MultiLabel.MultiLabelMetrics.Compute(MultiLabel.LabelSetCode.Decode(targets, classCount),
                predictions.Select(MultiLabel.MultiLabelOutput.Set).ToArray(), predictions.Select(p => p[..classCount]).ToArray());
        if (task == TaskKind.Regression)
        {
            var r = RegressionMetrics.Compute(predictions.Select(p => p[0]).ToArray(), targets, weights);
            return new() { ["rmse"] = r.Rmse, ["mae"] = r.Mae, ["r2"] = r.R2 };
        }
        var c = ClassificationMetrics.Compute(predictions, targets.Select(t => (int)t).ToArray(), classCount, weights);
        return new()
        {
            ["accuracy"] = c.Accuracy,
            ["balanced_accuracy"] = c.BalancedAccuracy,
            ["macro_f1"] = c.MacroF1,
            ["log_loss"] = c.LogLoss,
            ["roc_auc"] = c.RocAuc,
            ["ece"] = c.ExpectedCalibrationError,
        };
    }
}
