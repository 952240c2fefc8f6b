namespace MMFuse.Reporting;

/// <summary>
/// One degradation curve. <paramref name="X"/> are the degradation levels (e.g. missing fraction 0..1); when
/// the levels are named ("low", "high") give them in <paramref name="XLabels"/> (same length, X then only orders
/// them). <paramref name="Reference"/> is the same sweep for a reference model (late fusion), same length as X;
/// <paramref name="EffectiveRobustnessGap"/> is the analysis' gap to that reference.
/// </summary>
public sealed record ReportRobustnessCurve(
    string Modality,
    string XAxis,
    double[] X,
    double[] Values,
    double Auc,
    string[]? XLabels = null,
    double[]? Reference = null,
    string? ReferenceName = null,
    double? EffectiveRobustnessGap = null);
