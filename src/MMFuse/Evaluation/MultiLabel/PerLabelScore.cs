namespace MMFuse.Evaluation.MultiLabel;

/// <summary>One label's scores over the out-of-fold predictions: how many rows have it (support), precision, recall,
/// F1 and ROC-AUC (NaN when every row has it or none does).</summary>
public sealed record PerLabelScore(string Label, int Support, double Precision, double Recall, double F1, double RocAuc);
