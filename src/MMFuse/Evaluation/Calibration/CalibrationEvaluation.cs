using MMFuse.Data;

namespace MMFuse.Evaluation.Calibration;

/// <summary>
/// Measures recalibration and split-conformal sets on a cross-validation result by cross-fitting: for each test
/// fold, the calibrator (and the conformal threshold, on calibrated scores) is fitted on the other folds of the same
/// repeat — rows that fold's model never scored, predicted by models that never saw them — and applied to the fold.
/// </summary>
public static class CalibrationEvaluation
{
    /// <param name="result">The cross-validation result whose out-of-fold predictions are recalibrated.</param>
    /// <param name="targets">Class index or value per row of the data.</param>
    /// <param name="task">The task; isotonic needs a binary one.</param>
    /// <param name="patterns">Each row's missingness pattern (by row index of the data), used when the result has no test-time blanking.</param>
    /// <param name="kind">The calibrator to fit.</param>
    /// <param name="coverage">The conformal coverage asked for (e.g. 0.9); null for no conformal sets.</param>
    public static CalibrationResult Run(CrossValidationResult result, float[] targets, TaskKind task, IReadOnlyList<string> patterns,
        CalibrationKind kind, double? coverage)
    {
        var folds = result.Folds;
        var measured = new List<FoldCalibration>();
        for (var f = 0; f < folds.Count; f++)
        {
            var others = Enumerable.Range(0, folds.Count).Where(g => g != f && folds[g].Repeat == folds[f].Repeat).ToList();
            if (others.Count == 0)
                return new CalibrationResult(kind, coverage, [], "a split with one fold per repeat (holdout) leaves no other fold to fit a calibrator on; use k-fold");
            string Pattern(int g, int i) => result.FoldSubsets?[g][i] ?? patterns[folds[g].Test[i]];
            var fitRows = others.SelectMany(g => Enumerable.Range(0, folds[g].Test.Length).Select(i => (g, i))).ToList();
            var fitPredictions = fitRows.Select(r => result.FoldPredictions[r.g][r.i]).ToList();
            var fitTargets = fitRows.Select(r => targets[folds[r.g].Test[r.i]]).ToList();
            var test = result.FoldPredictions[f];
            var testTargets = folds[f].Test.Select(i => targets[i]).ToList();
            measured.Add(task == TaskKind.Regression
                ? Regression(fitPredictions, fitTargets, test, testTargets, coverage)
                : Classification(kind, fitPredictions, fitTargets.Select(t => (int)t).ToList(), fitRows.Select(r => Pattern(r.g, r.i)).ToList(),
                    test, testTargets.Select(t => (int)t).ToList(), Enumerable.Range(0, test.Length).Select(i => Pattern(f, i)).ToList(), coverage));
        }
        return new CalibrationResult(kind, coverage, measured);
    }

    private static FoldCalibration Classification(CalibrationKind kind, List<float[]> fit, List<int> fitLabels, List<string> fitPatterns,
        float[][] test, List<int> labels, List<string> testPatterns, double? coverage)
    {
        var calibrator = Calibrator.Fit(kind, fit, fitLabels, fitPatterns);
        var calibrated = calibrator.Apply(test, testPatterns);
        double covered = double.NaN, size = double.NaN;
        if (coverage is { } level)
        {
            var q = SplitConformal.Quantile(SplitConformal.ClassScores(calibrator.Apply(fit, fitPatterns), fitLabels), level);
            var sets = calibrated.Select(p => SplitConformal.Set(p, q)).ToList();
            covered = sets.Select((s, i) => s.Contains(labels[i]) ? 1.0 : 0.0).Average();
            size = sets.Average(s => s.Length);
        }
        return new FoldCalibration(ClassificationMetrics.ExpectedCalibrationError(test, labels), ClassificationMetrics.ExpectedCalibrationError(calibrated, labels),
            ClassificationMetrics.LogLoss(test, labels), ClassificationMetrics.LogLoss(calibrated, labels), covered, size);
    }

    private static FoldCalibration Regression(List<float[]> fit, List<float> fitTargets, float[][] test, List<float> targets, double? coverage)
    {
        if (coverage is not { } level)
            return new FoldCalibration(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var q = SplitConformal.Quantile(fit.Select((p, i) => (double)Math.Abs(fitTargets[i] - p[0])).ToList(), level);
        var covered = test.Select((p, i) => Math.Abs(targets[i] - p[0]) <= q ? 1.0 : 0.0).Average();
        return new FoldCalibration(double.NaN, double.NaN, double.NaN, double.NaN, covered, 2 * q);
    }
}
