using MMFuse.Data.Leakage;
using MMFuse.Evaluation;
using MMFuse.Fusion;

namespace MMFuse;

/// <summary>One strategy cross-validated: its result (metrics per fold, out-of-fold predictions), the folds, the
/// warnings the run raised and the time it took.</summary>
public sealed record EvaluationRun(MultimodalDataset Dataset, IFusionStrategy Strategy, CrossValidationResult Result, SplitSpec Split,
    IReadOnlyList<Fold> Folds, IReadOnlyList<DataWarning> Warnings, EvaluationOptions Options, double Seconds)
{
    /// <summary>Recalibration and conformal figures per fold, when <see cref="EvaluationOptions.Calibration"/> or <see cref="EvaluationOptions.Coverage"/> asked for them.</summary>
    public Evaluation.Calibration.CalibrationResult? Calibration { get; init; }

    /// <summary>Under <c>--text-features auto</c> (<see cref="Features.Extraction.ExtractorChoices.AutoText"/>), each fold's
    /// choice per text column (<c>minilm</c>, <c>tfidf</c> or <c>minilm+tfidf</c>), made on that fold's training rows; null otherwise.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>>? TextChoices { get; init; }

    /// <summary>Under tuning, each outer fold's trials and chosen configuration (<see cref="Strategy"/> is outer fold 1's choice); null otherwise.</summary>
    public IReadOnlyList<Evaluation.Tuning.TuningResult>? Tuning { get; init; }

    /// <summary>Multilabel: each label's precision, recall, F1 and ROC-AUC over the out-of-fold predictions; null otherwise.</summary>
    public IReadOnlyList<Evaluation.MultiLabel.PerLabelScore>? PerLabel => Dataset.Task == Data.TaskKind.Multilabel
        ? Evaluation.MultiLabel.PerLabelScores.Of(Result, Dataset.Prepare(null, default).Targets, Dataset.Classes)
        : null;
}
