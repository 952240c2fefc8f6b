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

    public TaskKind? Task { get; init; }

    /// <summary>Folder that relative media paths in <see cref="ConfidentlyWrong"/> are resolved against (usually the manifest's folder); null: the current directory.</summary>
    public string? MediaFolder { get; init; }

    public ReportDataset? Dataset { get; init; }

    public ReportLeaderboard? Leaderboard { get; init; }

    public ReportConfusion? Confusion { get; init; }

    public ReportClassScore[]? PerClassF1 { get; init; }

    public ReportContribution? Contribution { get; init; }

    public ReportRobustness? Robustness { get; init; }

    public ReportReliability? Reliability { get; init; }

    public ReportLearningCurve[]? LearningCurves { get; init; }

    public ReportWrongRow[]? ConfidentlyWrong { get; init; }

    /// <summary>Per-row modality explanations summarised per class; null when not computed.</summary>
    public ReportExplanations? Explanations { get; init; }
}
