using MMFuse.Data;

namespace MMFuse.Reporting;

/// <summary>
/// Everything the HTML report shows, as plain data (strings, numbers, arrays) so the report does not depend on
/// how the analyses were computed. Every section is optional: null means "not computed for this run" and the
/// report says so; an empty array means "computed, nothing to show" (for example no misclassified rows).
/// Classification-only sections are left out entirely when <see cref="Task"/> is regression.
/// </summary>
public sealed record ReportModel
{
    /// <summary>Page heading, e.g. "MMFuse report: avdigits".</summary>
    public required string Title { get; init; }

    /// <summary>One line under the heading (command, split, seed, date); the writer adds no timestamp of its own.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The task: regression leaves out the classification-only sections; null counts as
    /// classification.</summary>
    public TaskKind? Task { get; init; }

    /// <summary>Folder that relative media paths in <see cref="ConfidentlyWrong"/> are resolved against (usually the manifest's folder); null: the current directory.</summary>
    public string? MediaFolder { get; init; }

    /// <summary>The data section: manifest, columns, missing values, class balance, warnings.</summary>
    public ReportDataset? Dataset { get; init; }

    /// <summary>The leaderboard: strategies ranked with their metrics.</summary>
    public ReportLeaderboard? Leaderboard { get; init; }

    /// <summary>The confusion matrix of the pooled out-of-fold predictions (classification).</summary>
    public ReportConfusion? Confusion { get; init; }

    /// <summary>F1 per class (classification).</summary>
    public ReportClassScore[]? PerClassF1 { get; init; }

    /// <summary>How much the score depends on each modality (ablation and reliance).</summary>
    public ReportContribution? Contribution { get; init; }

    /// <summary>The missing-modality and noise robustness curves.</summary>
    public ReportRobustness? Robustness { get; init; }

    /// <summary>The reliability diagram and ECE (classification).</summary>
    public ReportReliability? Reliability { get; init; }

    /// <summary>Recalibration and conformal figures per fold, when the run measured them; null otherwise.</summary>
    public ReportCalibration? Calibration { get; init; }

    /// <summary>Per-epoch loss curves of the network learners.</summary>
    public ReportLearningCurve[]? LearningCurves { get; init; }

    /// <summary>The most confidently wrong rows, with their media (classification).</summary>
    public ReportWrongRow[]? ConfidentlyWrong { get; init; }

    /// <summary>Per-row modality explanations summarised per class; null when not computed.</summary>
    public ReportExplanations? Explanations { get; init; }

    /// <summary>The tuner's trials and choice per outer fold; null when the run was not tuned.</summary>
    public ReportTuning? Tuning { get; init; }
}
