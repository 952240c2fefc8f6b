namespace MMFuse.Evaluation.Calibration;

/// <summary>
/// How recalibration and conformal sets did under cross-validation: per test fold, with the calibrator and the
/// conformal threshold fitted on the other folds' out-of-fold predictions of the same repeat (cross-fitting), so no
/// fold's own labels tune what is measured on it.
/// </summary>
/// <param name="Kind">The calibrator measured.</param>
/// <param name="TargetCoverage">The coverage asked for; null without conformal sets.</param>
/// <param name="Folds">One measurement per test fold.</param>
/// <param name="Note">Why nothing could be measured (a holdout split has no other folds), else null.</param>
public sealed record CalibrationResult(CalibrationKind Kind, double? TargetCoverage, IReadOnlyList<FoldCalibration> Folds, string? Note = null)
{
    /// <summary>Mean over folds of one figure, ignoring NaN.</summary>
    public double Mean(Func<FoldCalibration, double> figure)
    {
        var values = Folds.Select(figure).Where(double.IsFinite).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }
}
