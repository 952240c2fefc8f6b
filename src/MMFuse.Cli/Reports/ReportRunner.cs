using MMFuse.Data.Leakage;
using System.Text.Json.Nodes;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Analysis;
using MMFuse.Features;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Reporting;
using Spectre.Console;

namespace MMFuse.Cli.Reports;

/// <summary>
/// Explains a run: analyses the best strategy (modality contribution, robustness against late fusion's curves,
/// calibration, confidently wrong rows), puts intervals on every leaderboard row, tests the top two against each
/// other, draws the joint networks' learning curves, and writes the HTML report. Returns the JSON "analysis" part.
/// </summary>
internal static class ReportRunner
{
    public sealed record Inputs(LearningData Data, SplitSpec Split, IReadOnlyList<Fold> Folds, IReadOnlyList<CrossValidationResult> Ranked,
        IReadOnlyList<IFusionStrategy> Strategies, Func<CrossValidationResult, IReadOnlyList<string>> Modalities,
        NormalizeMode Normalize, int Seed, int Threads, IReadOnlyList<DataWarning> Warnings);

    public static JsonObject Run(CliContext context, Inputs run, FeatureCache cache, ExtractionOptions extraction, bool noiseAll, string path)
    {
        var data = run.Data;
        var winner = run.Strategies.First(s => s.Name == run.Ranked[0].Strategy);
        var noise = new NoiseInputs(context, data, cache, extraction, run.Seed, noiseAll).Providers;
        context.Out.MarkupLine($"[grey]analysing[/] {Markup.Escape(winner.Name)} (modality contribution, robustness, calibration)");
        IReadOnlyList<RobustnessCurve>? reference = null;
        if (winner.Fusion != "late" && data.Features.BlockNames.Count() > 1)
            reference = AnalysisRunner.Run(data.Features, data.Targets, data.Task, data.ClassCount, run.Folds, new LateFusionStrategy("logreg"),
                run.Normalize, run.Seed, new AnalysisOptions { Ablation = false, BootstrapSamples = 200, Parallelism = run.Threads }, noise).Robustness;
        var analysis = AnalysisRunner.Run(data.Features, data.Targets, data.Task, data.ClassCount, run.Folds, winner, run.Normalize, run.Seed,
            new AnalysisOptions { Parallelism = run.Threads }, noise, reference);
        var intervals = run.Ranked.Select(r => BootstrapInterval.Of(OutOfFoldPredictions.Pool(r, data.Targets), data.Task, data.ClassCount,
            seed: run.Seed, parallelism: run.Threads)).ToList();
        var verdict = AnalysisRunner.CompareTopTwo(run.Ranked, data.Task);
        var report = ReportBuilder.Build(data, run.Split, run.Ranked, intervals, run.Modalities, analysis, verdict, LearningCurves(run), reference,
            run.Warnings);
        HtmlReportWriter.Write(path, report);
        context.Out.MarkupLine($"wrote [bold]{Markup.Escape(Path.GetFullPath(path))}[/]");
        if (verdict is not null)
            context.Out.MarkupLine($"top two: {Markup.Escape(verdict.Verdict)}");
        return new JsonObject
        {
            ["best"] = JsonNode.Parse(AnalysisJson.Serialize(analysis)),
            ["intervals"] = new JsonObject(run.Ranked.Select((r, i) =>
                new KeyValuePair<string, JsonNode?>(r.Strategy, JsonNode.Parse(AnalysisJson.Serialize(intervals[i]))))),
            ["top_two"] = verdict is null ? null : JsonNode.Parse(AnalysisJson.Serialize(verdict)),
        };
    }

    /// <summary>Each joint network trained once on the first fold's training rows, for its loss per epoch.</summary>
    private static List<ReportLearningCurve> LearningCurves(Inputs run)
    {
        var curves = new List<ReportLearningCurve>();
        var data = run.Data;
        foreach (var strategy in run.Strategies.OfType<JointFusionStrategy>())
        {
            var (train, targets) = CrossValidator.TrainingRows(data.Features, data.Targets, run.Folds[0].Train, data.Augmented);
            var fitted = FittedFeatures.Fit(train);
            var model = strategy.Fit(new FusionTrainingSet(fitted.Transform(train), targets, data.Task, data.ClassCount, run.Seed, run.Normalize));
            if (model is JointFusionModel { Training: { } training })
                curves.Add(new ReportLearningCurve(strategy.Name, training.TrainLosses.ToArray(),
                    training.ValidationLosses.Count > 0 ? training.ValidationLosses.ToArray() : null));
            (model as IDisposable)?.Dispose();
        }
        return curves;
    }
}
