namespace MMFuse.Reporting;

/// <summary>Recalibration and conformal figures measured out of fold (the calibrator of each test fold fitted on the
/// other folds), one row per fold plus the mean.</summary>
/// <param name="Method">The calibrator (<c>temperature</c>, <c>isotonic</c>, <c>none</c>).</param>
/// <param name="TargetCoverage">The conformal coverage asked for; null without conformal sets.</param>
/// <param name="Regression">True when the conformal figures are intervals (their width) rather than class sets.</param>
/// <param name="Folds">Per test fold: ECE and log loss before and after, empirical coverage, mean set size or interval width (NaN where not computed).</param>
/// <param name="Note">Why nothing could be measured, else null.</param>
public sealed record ReportCalibration(string Method, double? TargetCoverage, bool Regression, ReportCalibrationFold[] Folds, string? Note);

/// <summary>One test fold's figures in <see cref="ReportCalibration"/>.</summary>
public sealed record ReportCalibrationFold(double EceBefore, double EceAfter, double LogLossBefore, double LogLossAfter, double Coverage, double MeanSetSize);
