namespace MMFuse.Reporting;

/// <summary>Per-row modality explanations summarised per true class: each modality's mean exact-Shapley contribution to
/// the predicted class's probability, over that class's out-of-fold rows.</summary>
public sealed record ReportExplanations(string[] Modalities, ReportClassExplanation[] Classes);

/// <summary>One class's row count and mean contribution per modality (in <see cref="ReportExplanations.Modalities"/> order).</summary>
public sealed record ReportClassExplanation(string Class, int Rows, double[] MeanContributions);
