using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;

namespace MMFuse.Evaluation.Calibration;

/// <summary>
/// Fits a model's calibration for training on every row: an inner cross-validation of the same strategy gives
/// out-of-fold predictions for every row, on which the calibrator and then the conformal threshold (on calibrated
/// scores) are fitted. The model trained on all rows is then calibrated with what models that never saw each row said.
/// </summary>
public static class CalibrationFitter
{
    /// <param name="features">Every training row's features.</param>
    /// <param name="targets">Class index or value per row.</param>
    /// <param name="task">The task; isotonic needs a binary one.</param>
    /// <param name="classCount">The number of classes.</param>
    /// <param name="folds">The inner folds (every row tested once).</param>
    /// <param name="strategy">The strategy trained on all rows.</param>
    /// <param name="normalize">How each fold's blocks are normalised.</param>
    /// <param name="seed">The training seed.</param>
    /// <param name="threads">Inner folds trained at once.</param>
    /// <param name="augmented">Augmented variants of every row, added to each inner fold's training rows; null for none.</param>
    /// <param name="patterns">Each row's missingness pattern.</param>
    /// <param name="kind">The calibrator to fit.</param>
    /// <param name="coverage">The conformal coverage asked for; null for no conformal threshold.</param>
    /// <param name="cancel">Stops the inner cross-validation.</param>
    public static ModelCalibration Fit(FeatureSet features, float[] targets, TaskKind task, int classCount, IReadOnlyList<Fold> folds,
        IFusionStrategy strategy, NormalizeMode normalize, int seed, int threads, IReadOnlyList<FeatureSet>? augmented, IReadOnlyList<string> patterns,
        CalibrationKind kind, double? coverage, CancellationToken cancel = default)
    {
        var result = CrossValidator.Run(features, targets, task, classCount, folds, strategy, normalize, seed, threads, augmented, cancel: cancel);
        var rows = folds.SelectMany((f, g) => f.Test.Select((row, i) => (Row: row, Prediction: result.FoldPredictions[g][i]))).ToList();
        var predictions = rows.Select(r => r.Prediction).ToList();
        var rowPatterns = rows.Select(r => patterns[r.Row]).ToList();
        if (task == TaskKind.Regression)
        {
            var residuals = rows.Select(r => (double)Math.Abs(targets[r.Row] - r.Prediction[0])).ToList();
            return new ModelCalibration(Calibrator.Identity, coverage, coverage is { } c ? SplitConformal.Quantile(residuals, c) : double.PositiveInfinity);
        }
        var labels = rows.Select(r => (int)targets[r.Row]).ToList();
        var calibrator = Calibrator.Fit(kind, predictions, labels, rowPatterns);
        var quantile = coverage is { } level
            ? SplitConformal.Quantile(SplitConformal.ClassScores(calibrator.Apply(predictions, rowPatterns), labels), level)
            : double.PositiveInfinity;
        return new ModelCalibration(calibrator, coverage, quantile);
    }
}
