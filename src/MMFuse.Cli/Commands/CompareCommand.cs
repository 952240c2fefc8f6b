using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MMFuse.Cli.Rendering;
using MMFuse.Cli.Reports;
using MMFuse.Features.Extraction;
using MMFuse.Evaluation;
using MMFuse.Fusion;
using MMFuse.IO;
using Spectre.Console;

namespace MMFuse.Cli.Commands;

/// <summary>
/// <c>mmfuse compare MANIFEST --label COL</c>: every strategy, plus each modality alone with its best learner,
/// under the same folds; features are extracted once and shared. Prints a leaderboard, best first.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var schema = new SchemaArguments();
        var extractors = new ExtractorArguments(context);
        var evaluation = new EvaluationArguments();
        var strategies = new Option<string[]>("--strategies")
        {
            Description = "Strategies to compare (comma-separated), e.g. early/logreg,early/mlp; default: all",
            AllowMultipleArgumentsPerToken = true,
        };
        var json = new Option<string?>("--json") { Description = "Write the leaderboard as JSON" };
        var command = new Command("compare", "Compare every fusion strategy under the same cross-validation folds");
        schema.AddTo(command);
        extractors.AddTo(command);
        evaluation.AddTo(command);
        command.Add(strategies);
        command.Add(json);
        command.SetAction(parse =>
        {
            OutputLocation.Check(parse.GetValue(json), parse.GetValue(evaluation.Report), parse.GetValue(schema.BadRowsFile));
            var outcome = Run(context, parse, schema, extractors, evaluation, parse.GetValue(strategies), parse.GetValue(json) ?? parse.GetValue(evaluation.Report));
            if (parse.GetValue(json) is { } path)
                AtomicFile.WriteAllText(path, InspectionJson.Serialize(outcome.Json));
            return 0;
        });
        return command;
    }

    internal sealed record Outcome(LearningData Data, IReadOnlyList<CrossValidationResult> Ranked, IReadOnlyList<IFusionStrategy> Strategies, JsonObject Json);

    /// <summary>Runs the comparison; shared with <c>train --fusion best</c> and <c>demo</c>.</summary>
    internal static Outcome Run(CliContext context, ParseResult parse, SchemaArguments schema, ExtractorArguments extractors,
        EvaluationArguments evaluation, string[]? names, string? output)
    {
        var clock = Stopwatch.StartNew();
        var data = LearningData.Load(context, parse, schema, extractors, evaluation, output);
        var split = evaluation.Split(parse, data.Task, data.Groups is not null);
        var folds = data.Folds(split);
        var runWarnings = DataWarningsOutput.Folds(context, data, folds, parse.GetValue(schema.Strict));
        var blocks = data.Features.BlockNames.ToList();
        var options = evaluation.LearnerOptions(parse);
        var fusionOptions = evaluation.FusionOptions(parse, options);
        var requested = (names ?? []).SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var list = Strategies.ParseAll(requested.Count > 0
                ? requested
                : Strategies.Defaults.Concat(blocks.Count > 1 ? blocks.SelectMany(b => Strategies.UnimodalLearners.Select(l => $"{b}-only/{l}")) : []),
            options, blocks, fusionOptions);
        var normalize = Strategies.ParseNormalize(parse.GetValue(evaluation.Normalize)!);
        var metric = Comparison.MainMetric(data.Task);
        var testMissing = evaluation.TestTimeMissing(parse, blocks);
        var ranked = Comparison.Run(data.Features, data.Targets, data.Task, data.ClassCount, folds, list, normalize,
            parse.GetValue(evaluation.Seed), extractors.Threads(parse),
            (s, r) => context.Out.MarkupLine(CultureInfo.InvariantCulture,
                $"[grey]done[/] {Markup.Escape(s.Name)}: {metric} {r.Metrics[metric].Mean:F4} ({r.Seconds:F1} s)"), data.Augmented, testMissing, data.TestFeatures);
        if (UnimodalLeakCheck.Check(ranked, data.Task) is { } leak)
            runWarnings = [.. runWarnings, .. DataWarningsOutput.Scores(context, leak, parse.GetValue(schema.Strict))];
        var random = RandomFoldScores(context, data, split, list, normalize, parse.GetValue(evaluation.Seed), extractors.Threads(parse), metric);
        LeaderboardView.Render(context.Out, ranked, data.Task, split, random);
        if (testMissing is not null)
            PresenceView.Render(context.Out, ranked[0], testMissing);
        IReadOnlyList<string> Modalities(CrossValidationResult r) =>
            list.First(s => s.Name == r.Strategy) is UnimodalStrategy u ? [u.Block] : blocks;
        JsonObject? analysis = null;
        if (parse.GetValue(evaluation.Report) is { } reportPath)
        {
            using var cache = extractors.OpenCache(parse);
            var inputs = new ReportRunner.Inputs(data, split, folds, ranked, list, Modalities, normalize, parse.GetValue(evaluation.Seed), extractors.Threads(parse),
                runWarnings);
            analysis = ReportRunner.Run(context, inputs, cache, extractors.Extraction(parse, schema.Policy(parse)),
                parse.GetValue(evaluation.NoiseAll), reportPath);
        }
        var json = new JsonObject
        {
            ["label"] = data.Table.Schema.Label,
            ["task"] = data.Task.ToString().ToLowerInvariant(),
            ["rows_used"] = data.Targets.Length,
            ["split"] = EvaluationView.Split(split, folds.Count),
            ["warnings"] = DataWarningsOutput.Json(data.Table.Inspection, runWarnings),
            ["leaderboard"] = LeaderboardView.Json(ranked, Modalities, random),
            ["presence"] = testMissing is null ? null : new JsonObject(ranked.Select(r => KeyValuePair.Create(r.Strategy, (JsonNode?)PresenceView.Json(r)))),
            ["analysis"] = analysis,
            ["seconds"] = new JsonObject { ["features"] = Math.Round(data.FeatureSeconds, 3), ["total"] = Math.Round(clock.Elapsed.TotalSeconds, 3) },
        };
        return new Outcome(data, ranked, list, json);
    }

    /// <summary>Under grouped folds, each strategy's main metric under random (stratified) folds too, so the leaderboard
    /// shows how much of the score does not carry over to unseen groups; null under random folds.</summary>
    private static IReadOnlyDictionary<string, double>? RandomFoldScores(CliContext context, LearningData data, SplitSpec split,
        IReadOnlyList<IFusionStrategy> strategies, Features.Preprocessing.NormalizeMode normalize, int seed, int threads, string metric)
    {
        if (split.Kind is not (SplitKind.GroupKFold or SplitKind.LeaveOneGroupOut))
            return null;
        var kind = data.Task == Data.TaskKind.Regression ? SplitKind.KFold : SplitKind.StratifiedKFold;
        var randomSplit = new SplitSpec(kind, split.Kind == SplitKind.GroupKFold ? split.Folds : 5, 1, seed);
        context.Out.MarkupLine($"[grey]the same strategies under random folds, {Markup.Escape(randomSplit.Describe())}, for the gap to grouped folds[/]");
        var folds = data.Folds(randomSplit);
        return Comparison.Run(data.Features, data.Targets, data.Task, data.ClassCount, folds, strategies, normalize, seed, threads, augmented: data.Augmented, testFeatures: data.TestFeatures)
            .ToDictionary(r => r.Strategy, r => r.Metrics[metric].Mean, StringComparer.Ordinal);
    }
}
