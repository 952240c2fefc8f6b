using MMFuse.Data.Leakage;
using MMFuse.Evaluation;

namespace MMFuse.Reporting.Runs;

/// <summary>A scored run the report explains: its folds, its leaderboard rows (best first), the options and the warnings.</summary>
internal sealed record ReportRun(SplitSpec Split, IReadOnlyList<Fold> Folds, IReadOnlyList<LeaderboardRow> Rows, EvaluationOptions Options,
    IReadOnlyList<DataWarning> Warnings)
{
    /// <summary>Recalibration and conformal figures of the (single) strategy, when the run measured them.</summary>
    public Evaluation.Calibration.CalibrationResult? Calibration { get; init; }

    /// <summary>Under nested selection, the report's sentence on it (<see cref="SelectionSummary"/>); null otherwise.</summary>
    public string? Selection { get; init; }
}
