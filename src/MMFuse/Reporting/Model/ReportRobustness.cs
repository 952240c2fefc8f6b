namespace MMFuse.Reporting;

/// <summary>Metric as one modality degrades (more missing, more noise), one curve per modality.</summary>
public sealed record ReportRobustness(string Metric, ReportRobustnessCurve[] Curves);
