namespace MMFuse.Evaluation.Analysis;

/// <summary>
/// Everything <see cref="AnalysisRunner"/> found for one strategy. <see cref="Metrics"/> are the cross-validated
/// metrics of the full model (as on the leaderboard). The pooled analyses (<see cref="Calibration"/>,
/// <see cref="Intervals"/>, <see cref="ConfidentErrors"/>, <see cref="PerClassF1"/>, <see cref="ConfusionMatrix"/>)
/// use the out-of-fold predictions of repeat 0; the classification-only ones are null for regression.
/// <see cref="ConfusionMatrix"/>[true][predicted] counts rows.
/// </summary>
public sealed record AnalysisResult(
    string Strategy,
    string Fusion,
    string Metric,
    IReadOnlyDictionary<string, MetricSummary> Metrics,
    IReadOnlyList<ModalityContribution> Contributions,
    IReadOnlyList<RobustnessCurve> Robustness,
    IReadOnlyList<BootstrapInterval> Intervals,
    ReliabilityDiagram? Calibration,
    IReadOnlyList<ConfidentError>? ConfidentErrors,
    IReadOnlyList<double>? PerClassF1,
    int[][]? ConfusionMatrix,
    double Seconds)
{
    /// <summary>Per-row modality explanations of the out-of-fold rows, summarised per class (classification with 2 to 10 modalities); else null.</summary>
    public ExplanationSummary? Explanations { get; init; }
}
