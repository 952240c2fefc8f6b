using System.Text.Json.Nodes;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Analysis;
using MMFuse.Features;
using MMFuse.Fusion;
using MMFuse.Fusion.Joint;

namespace MMFuse.Reporting.Runs;

/// <summary>
/// Explains a run: analyses the best strategy (modality contribution, robustness against late fusion's curves,
/// calibration, confidently wrong rows), puts intervals on every leaderboard row, tests the top two against each
/// other, draws the joint networks' learning curves, and writes the HTML report.
/// </summary>
internal static class ReportRunner
{
    /// <summary>The report's sentence on weighting: the leaderboard is weighted as the run was; the analyses are not.</summary>
    private static string WeightingNote(MultimodalDataset dataset, EvaluationOptions options) =>
        $"Weighting: {dataset.Weighting(options)}. " + (dataset.Options.Weight is { } column
            ? $"The leaderboard's metrics are weighted by column '{column}' (scikit-learn's sample_weight); the analyses below are unweighted."
            : "The metrics are unweighted (class weighting changes training only).");

    public static ReportResult Run(MultimodalDataset dataset, PreparedData data, ReportRun run, string path, ReportOptions options,
        IProgress<MMFuseProgress>? progress, CancellationToken cancel)
    {
        if (data.Task == Data.TaskKind.Multilabel)
            return MultiLabelReport.Run(data, run, path, progress);
        var threads = dataset.Options.Threads;
        var (normalize, seed) = (run.Options.Normalize, run.Options.Seed);
        var ranked = run.Rows.Select(r => r.Result).ToList();
        var winner = run.Rows[0].Strategy;
        using var cache = PreparedData.OpenCache(dataset.Options, progress);
        var extraction = dataset.Options.ToExtractionOptions();
        var noise = new NoiseInputs(data, cache, extraction, seed, options.NoiseAll, progress, cancel).Providers;
        progress?.Report(new ProgressNote($"analysing {winner.Name} (modality contribution, robustness, calibration)"));
        IReadOnlyList<RobustnessCurve>? reference = null;
        if (winner.Fusion != "late" && data.Features.BlockNames.Count() > 1)
            reference = AnalysisRunner.Run(data.Features, data.Targets, data.Task, data.ClassCount, run.Folds, new LateFusionStrategy("logreg"),
                normalize, seed, new AnalysisOptions { Ablation = false, BootstrapSamples = 200, Parallelism = threads }, noise).Robustness;
        cancel.ThrowIfCancellationRequested();
        var analysis = AnalysisRunner.Run(data.Features, data.Targets, data.Task, data.ClassCount, run.Folds, winner, normalize, seed,
            new AnalysisOptions { Parallelism = threads }, noise, reference);
        var intervals = ranked.Select(r => BootstrapInterval.Of(OutOfFoldPredictions.Pool(r, data.Targets), data.Task, data.ClassCount,
            seed: seed, parallelism: threads)).ToList();
        var verdict = AnalysisRunner.CompareTopTwo(ranked, data.Task);
        cancel.ThrowIfCancellationRequested();
        var report = ReportBuilder.Build(data, run.Split, ranked, intervals, run.Rows.Select(r => r.Modalities).ToList(), analysis, verdict,
            LearningCurves(data, run), reference, run.Warnings) with { Calibration = ReportBuilder.Calibration(run.Calibration, data.Task), Tuning = ReportTuning.From(options.Tuning) };
        if (options.RewriteWarning is { } rewrite && report.Dataset?.Warnings is { } warnings)
            report = report with { Dataset = report.Dataset with { Warnings = warnings.Select(rewrite).ToArray() } };
        if (data.Weighting(run.Options) is not null)
            report = report with { Leaderboard = report.Leaderboard! with { Weighting = WeightingNote(dataset, run.Options) } };
        if (run.Selection is { } selection && report.Leaderboard is { } board)
            report = report with { Leaderboard = board with { Selection = selection } };
        HtmlReportWriter.Write(path, report);
        progress?.Report(new ProgressNote($"wrote {Path.GetFullPath(path)}") { Kind = NoteKind.Output });
        if (verdict is not null)
            progress?.Report(new ProgressNote($"top two: {verdict.Verdict}"));
        var json = new JsonObject
        {
            ["best"] = JsonNode.Parse(AnalysisJson.Serialize(analysis)),
            ["intervals"] = new JsonObject(ranked.Select((r, i) =>
                new KeyValuePair<string, JsonNode?>(r.Strategy, JsonNode.Parse(AnalysisJson.Serialize(intervals[i]))))),
            ["top_two"] = verdict is null ? null : JsonNode.Parse(AnalysisJson.Serialize(verdict)),
        };
        return new ReportResult(Path.GetFullPath(path), json, verdict?.Verdict);
    }

    /// <summary>Each joint network trained once on the first fold's training rows, for its loss per epoch.</summary>
    private static List<ReportLearningCurve> LearningCurves(PreparedData data, ReportRun run)
    {
        var curves = new List<ReportLearningCurve>();
        foreach (var strategy in run.Rows.Select(r => r.Strategy).OfType<JointFusionStrategy>())
        {
            var (train, targets) = CrossValidator.TrainingRows(data.Features, data.Targets, run.Folds[0].Train, data.Augmented);
            var fitted = FittedFeatures.Fit(train);
            using var model = strategy.Fit(new FusionTrainingSet(fitted.Transform(train), targets, data.Task, data.ClassCount, run.Options.Seed, run.Options.Normalize));
            if (model is JointFusionModel { Training: { } training })
                curves.Add(new ReportLearningCurve(strategy.Name, training.TrainLosses.ToArray(),
                    training.ValidationLosses.Count > 0 ? training.ValidationLosses.ToArray() : null));
        }
        return curves;
    }
}
