using MMFuse.Evaluation;
using MMFuse.Evaluation.Calibration;
using MMFuse.Evaluation.Jobs;
using MMFuse.Features.Preprocessing;

namespace MMFuse;

/// <summary>How strategies are fitted and scored: per-block normalisation, the learners' seed, and an optional
/// test-time absence of modalities.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Per-block normalisation fitted on each fold's training rows.</summary>
    public NormalizeMode Normalize { get; init; } = NormalizeMode.ZScore;

    /// <summary>Seeds every learner and network (the split has its own seed).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Recalibrate probabilities (classification), fitted out of fold; evaluation reports ECE before and after.</summary>
    public CalibrationKind Calibration { get; init; } = CalibrationKind.None;

    /// <summary>Split-conformal prediction sets (intervals for regression) at this coverage, e.g. 0.9; null for none.</summary>
    public double? Coverage { get; init; }

    /// <summary>Blank a share of each test row's modalities before predicting, and score each presence subset; null for none.</summary>
    public TestTimeMissing? TestMissing { get; init; }

    /// <summary>Weight training rows by their class (balanced: n_samples / (n_classes · count), counted on each fold's
    /// training rows), multiplied with <see cref="DatasetOptions.Weight"/>'s sample weights when both are given.</summary>
    public ClassWeight ClassWeight { get; init; } = ClassWeight.None;

    /// <summary>How <see cref="MultimodalDataset.Compare"/> picks the strategy or ensemble to train, and whether it scores
    /// that pick by nested cross-validation (<see cref="Leaderboard.Nested"/>).</summary>
    public Selection Selection { get; init; } = Selection.Auto;

    /// <summary>The inner cross-validation and ensemble selection of <see cref="Selection.Nested"/>.</summary>
    public SelectionOptions SelectionOptions { get; init; } = new();

    /// <summary>
    /// Runs the cross-validation's (strategy, fold) jobs; null runs them in this process. A cluster runner
    /// (MMFuse.Cluster) spreads them over worker machines; the results are the same either way.
    /// </summary>
    public IFoldRunner? Runner { get; init; }

    /// <summary>
    /// Tune the strategy's hyperparameters inside each outer fold (see <see cref="MultimodalDataset.Tune"/>): set, <see cref="MultimodalDataset.Evaluate"/>
    /// scores the tuned strategy and <see cref="MultimodalDataset.Train"/> trains the configuration tuned on every row; null for none.
    /// </summary>
    public Evaluation.Tuning.TuningOptions? Tuning { get; init; }
}
