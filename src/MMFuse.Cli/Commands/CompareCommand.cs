using System.CommandLine;
using System.Text.Json.Nodes;
using MMFuse.Cli.Rendering;
using MMFuse.Cluster;
using MMFuse.Data;
using MMFuse.IO;

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
        var extractors = new ExtractorArguments();
        var evaluation = new EvaluationArguments();
        var cluster = new ClusterArguments();
        var tuning = new TuningArguments();
        var selection = new SelectionArguments();
        var strategies = StrategiesOption();
        var json = new Option<string?>("--json") { Description = "Write the leaderboard as JSON" };
        var command = new Command("compare", "Compare every fusion strategy under the same cross-validation folds");
        schema.AddTo(command);
        extractors.AddTo(command);
        evaluation.AddTo(command);
        cluster.AddTo(command);
        tuning.AddTo(command);
        selection.AddTo(command);
        command.Add(strategies);
        command.Add(json);
        command.SetAction(parse =>
        {
            OutputLocation.Check(parse.GetValue(json), parse.GetValue(evaluation.Report), parse.GetValue(schema.BadRowsFile));
            var (_, document) = Run(context, parse, schema, extractors, evaluation, cluster, selection, parse.GetValue(strategies),
                parse.GetValue(json) ?? parse.GetValue(evaluation.Report), tuning);
            if (parse.GetValue(json) is { } path)
                AtomicFile.WriteAllText(path, InspectionJson.Serialize(document));
            return 0;
        });
        return command;
    }

    /// <summary>The strategies to choose among (shared with <c>train --fusion best</c>).</summary>
    public static Option<string[]> StrategiesOption() => new("--strategies")
    {
        Description = "Strategies to compare (comma-separated), e.g. early/logreg,early/mlp; default: all",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Runs the comparison (and the report, if asked), renders it and returns it with its JSON; shared with <c>train --fusion best</c>.
    /// With <paramref name="tuning"/> asked for, the best tunable strategy is then tuned inside each outer fold of the same folds.</summary>
    public static (Leaderboard Board, JsonObject Json) Run(CliContext context, ParseResult parse, SchemaArguments schema, ExtractorArguments extractors,
        EvaluationArguments evaluation, ClusterArguments cluster, SelectionArguments selection, string[]? names, string? output, TuningArguments? tuning = null)
    {
        var requested = (names ?? []).SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        // Checked before the features are extracted: a leaderboard holds each strategy once.
        if (requested.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw new MMFuseInputException($"--strategies: '{repeated.Key}' is listed more than once; list each strategy once");
        var data = DatasetArguments.LoadForLearning(context, parse, schema, extractors, evaluation, output);
        var blocks = data.Modalities;
        var learnerOptions = evaluation.LearnerOptions(parse);
        var fusionOptions = evaluation.FusionOptions(parse, learnerOptions);
        var chosen = (requested.Count > 0 ? requested : StrategyCatalog.Defaults.Concat(StrategyCatalog.UnimodalNames(blocks))).ToList();
        var options = selection.Apply(parse, evaluation.Options(parse, blocks));
        var split = evaluation.Split(parse, data.Task, data.HasGroups);
        Leaderboard board;
        if (parse.GetValue(cluster.Cluster) is { } uri)
        {
            (board, var log) = DistributedRuns.Compare(data, uri, new StrategyRecipe(chosen, learnerOptions, fusionOptions, blocks), split, options, context.Progress,
                cluster.RunOptions(parse));
            cluster.WriteLog(parse, log);
        }
        else
            board = data.Compare(StrategyCatalog.Create(chosen, learnerOptions, blocks, fusionOptions), split, options, context.Progress);
        LeaderboardView.Render(context.Out, board);
        EvaluationView.RenderWeighting(context.Out, data, options);
        if (options.TestMissing is { } missing)
            PresenceView.Render(context.Out, board.Rows[0].Result, missing);
        EvaluationRun? tuned = null;
        if (tuning?.Options(parse, parse.GetValue(evaluation.Seed)) is { } tuningOptions)
        {
            // Which strategy to tune is the flat leaderboard's pick; its hyperparameters are chosen inside each outer fold.
            tuned = data.Tune(TuningArguments.Space(data, parse, evaluation, TuningArguments.Tunable(board)), split, options with { Tuning = tuningOptions }, context.Progress);
            EvaluationView.Render(context.Out, tuned.Result, split);
            TuningView.Render(context.Out, tuned.Tuning!);
        }
        var report = parse.GetValue(evaluation.Report) is { } reportPath
            ? data.WriteReport(board, reportPath, new ReportOptions { NoiseAll = parse.GetValue(evaluation.NoiseAll), RewriteWarning = CliFlags.Map, Tuning = tuned?.Tuning }, context.Progress)
            : null;
        var json = LeaderboardView.Json(board, report);
        if (tuned is not null)
            json["tuning"] = new JsonObject
            {
                ["strategy"] = tuned.Result.Strategy,
                ["metrics"] = EvaluationView.Metrics(tuned.Result.Metrics),
                ["trials"] = TuningView.Json(tuned.Tuning!),
            };
        return (board, json);
    }
}
