namespace MMFuse.Evaluation.Calibration;

/// <summary>One test fold's calibration (classification: ECE and log loss before and after) and conformal figures
/// (empirical coverage and mean set size, or mean interval width for regression); NaN where not computed.</summary>
public sealed record FoldCalibration(double EceBefore, double EceAfter, double LogLossBefore, double LogLossAfter, double Coverage, double MeanSetSize);
