namespace MMFuse.Evaluation;

/// <summary>Classification metrics of one set of predictions. <see cref="RocAuc"/> is NaN when no class has both
/// positive and negative rows. <see cref="ConfusionMatrix"/>[true][predicted] counts rows.</summary>
public sealed record ClassificationReport(
    double Accuracy,
    double BalancedAccuracy,
    double MacroF1,
    double LogLoss,
    double RocAuc,
    double ExpectedCalibrationError,
    int[][] ConfusionMatrix);
