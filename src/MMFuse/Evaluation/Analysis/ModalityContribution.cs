namespace MMFuse.Evaluation.Analysis;

/// <summary>
/// What one block adds to a strategy, in its main metric (mean over folds). Ablation retrains without the block on
/// the same folds; reliance keeps the model trained with every block and only marks the block absent on every test
/// row. A drop is how much worse the variant is than the full model, positive = worse (the sign is flipped for
/// metrics where lower is better, such as RMSE). <see cref="AblationNote"/> says why there is no ablation.
/// </summary>
public sealed record ModalityContribution(
    string Block, double? AblationMetric, double? AblationDrop, string? AblationNote, double RelianceMetric, double RelianceDrop)
{
    internal static double Drop(string metric, double full, double variant) =>
        FoldScorer.HigherIsBetter(metric) ? full - variant : variant - full;
}
