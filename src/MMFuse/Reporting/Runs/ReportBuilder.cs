using MMFuse.Data.Leakage;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Analysis;
using MMFuse.Features.Augmentation;
using MMFuse.Fusion;
using MMFuse.Reporting;

namespace MMFuse.Reporting.Runs;

/// <summary>Maps a run (leaderboard, the analysis of its winner, learning curves) onto the report's plain model.</summary>
internal static class ReportBuilder
{
    public static ReportModel Build(PreparedData data, SplitSpec split, IReadOnlyList<CrossValidationResult> ranked,
        IReadOnlyList<IReadOnlyList<BootstrapInterval>> intervals, IReadOnlyList<IReadOnlyList<string>> modalities,
        AnalysisResult analysis, PairedComparison? verdict, IReadOnlyList<ReportLearningCurve> curves, IReadOnlyList<RobustnessCurve>? reference,
        IReadOnlyList<DataWarning> runWarnings)
    {
        var classification = data.Task != TaskKind.Regression;
        return new ReportModel
        {
            Title = $"MMFuse report — {Path.GetFileName(data.Table.Inspection.Manifest.Path)}",
            Subtitle = $"label '{data.Table.Schema.Label}' ({data.Task.ToString().ToLowerInvariant()}), {split.Describe()}, best: {ranked[0].Strategy}",
            Task = data.Task,
            Dataset = Dataset(data, runWarnings),
            Leaderboard = new ReportLeaderboard(ranked.Select((r, i) => Row(r, intervals[i], modalities[i], data.Task)).ToArray(), verdict?.Verdict),
            Confusion = classification && analysis.ConfusionMatrix is { } matrix ? new ReportConfusion(data.Classes.ToArray(), matrix) : null,
            PerClassF1 = classification && analysis.PerClassF1 is { } f1
                ? f1.Select((v, c) => new ReportClassScore(data.Classes[c], v, analysis.ConfusionMatrix?[c].Sum())).ToArray() : null,
            Contribution = analysis.Contributions.Count == 0 ? null : new ReportContribution(analysis.Metric, analysis.Contributions
                .Select(c => new ReportModalityContribution(c.Block, analysis.Metrics[analysis.Metric].Mean, c.AblationMetric ?? double.NaN, c.RelianceMetric))
                .ToArray()),
            Robustness = analysis.Robustness.Count == 0 ? null : new ReportRobustness(analysis.Metric,
                analysis.Robustness.Select(c => Curve(c, data, reference)).ToArray()),
            Reliability = analysis.Calibration is { } calibration
                ? new ReportReliability(calibration.Bins.Where(b => b.Count > 0)
                    .Select(b => new ReportReliabilityBin(b.MeanConfidence ?? 0, b.Accuracy ?? 0, b.Count)).ToArray(), calibration.Ece)
                : null,
            LearningCurves = curves.Count == 0 ? null : curves.ToArray(),
            ConfidentlyWrong = analysis.ConfidentErrors?.Select(e => WrongRow(e, data) with
            {
                Contributions = analysis.Explanations?.Rows.GetValueOrDefault(e.Row)?.Contributions,
            }).ToArray(),
            Explanations = classification && analysis.Explanations is { } explained
                ? new ReportExplanations(explained.Modalities.ToArray(), explained.ClassMeans
                    .Select((means, c) => new ReportClassExplanation(data.Classes[c], explained.ClassCounts[c], means)).ToArray())
                : null,
        };
    }

    /// <summary>The recalibration and conformal figures, when the run measured them.</summary>
    public static ReportCalibration? Calibration(Evaluation.Calibration.CalibrationResult? calibration, TaskKind task) =>
        calibration is null ? null : new ReportCalibration(calibration.Kind.ToString().ToLowerInvariant(), calibration.TargetCoverage,
            task == TaskKind.Regression,
            calibration.Folds.Select(f => new ReportCalibrationFold(f.EceBefore, f.EceAfter, f.LogLossBefore, f.LogLossAfter, f.Coverage, f.MeanSetSize)).ToArray(),
            calibration.Note);

    /// <summary>The dataset section, with every data warning: the inspection's and those the run found (rows repeated
    /// across its folds, a modality that alone is nearly perfect on its leaderboard).</summary>
    private static ReportDataset Dataset(PreparedData data, IReadOnlyList<DataWarning> runWarnings)
    {
        var inspection = data.Table.Inspection;
        var schema = data.Table.Schema;
        return new ReportDataset(
            Path.GetFileName(inspection.Manifest.Path),
            data.Targets.Length,
            schema.Columns.Select(c => new ReportColumn(c.Name, c.Role.Name())).ToArray(),
            schema.Columns.Where(c => c.Role.IsFeature()).Select(c => new ReportCount(c.Name, (int)inspection.Columns[c.Index].Missing)).ToArray(),
            inspection.Label?.Classes.Select(c => new ReportCount(c.Key, (int)c.Value)).ToArray(),
            inspection.DataWarnings.Concat(runWarnings).Select(w => w.ToString()).ToArray());
    }

    private static ReportLeaderboardRow Row(CrossValidationResult r, IReadOnlyList<BootstrapInterval> intervals, IReadOnlyList<string> modalities, TaskKind task)
    {
        var names = task == TaskKind.Regression ? new[] { "rmse", "mae", "r2" } : ["accuracy", "macro_f1", "log_loss"];
        return new ReportLeaderboardRow(r.Strategy, r.Fusion, modalities.ToArray(), names.Select(n =>
        {
            var interval = intervals.FirstOrDefault(i => i.Metric == n);
            return new ReportMetric(n, r.Metrics[n].Mean, r.Metrics[n].Std, interval?.Lower ?? double.NaN, interval?.Upper ?? double.NaN);
        }).ToArray(), r.Seconds);
    }

    private static ReportRobustnessCurve Curve(RobustnessCurve curve, PreparedData data, IReadOnlyList<RobustnessCurve>? reference)
    {
        var matching = reference?.FirstOrDefault(r => r.Block == curve.Block && r.Kind == curve.Kind && r.X.Count == curve.X.Count);
        var noise = curve.Kind == RobustnessCurve.Noise;
        var role = data.Features.Pretrained.Any(b => b.Modality == curve.Block) ? data.Table.Schema[curve.Block].Role : ColumnRole.Text;
        var labels = noise
            ? Enumerable.Range(0, curve.X.Count).Select(l => l == 0 ? "clean" : curve.Block == "tabular" ? $"{l}" : NoisyExtractors.Label(role, l)).ToArray()
            : null;
        return new ReportRobustnessCurve(
            $"{curve.Block} ({curve.Kind})",
            noise ? "noise level" : "share of test rows missing the modality",
            curve.X.ToArray(), curve.Metric.ToArray(), curve.Area, labels,
            matching?.Metric.ToArray(), matching is null ? null : "late fusion", curve.EffectiveRobustness);
    }

    private static ReportWrongRow WrongRow(ConfidentError error, PreparedData data)
    {
        var tableRow = data.Kept[error.Row];
        string? FirstCell(ColumnRole role, bool file)
        {
            var column = data.Table.Schema.WithRole(role).FirstOrDefault();
            if (column is null) return null;
            return file ? data.Table.Cells[column.Name][tableRow].FilePath : data.Table.Values[column.Name][tableRow];
        }
        return new ReportWrongRow(data.Ids[error.Row], data.Classes[error.TrueClass], data.Classes[error.PredictedClass], error.Confidence,
            FirstCell(ColumnRole.Image, true), FirstCell(ColumnRole.Audio, true), FirstCell(ColumnRole.Text, false));
    }
}
