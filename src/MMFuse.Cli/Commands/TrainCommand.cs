using System.CommandLine;
using MMFuse.IO;
using Spectre.Console;

namespace MMFuse.Cli.Commands;

/// <summary>
/// <c>mmfuse train MANIFEST --label COL --out MODEL.mmf</c>: fits one strategy on every row (or, with
/// <c>--fusion best</c>, the winner of <c>compare</c>) and writes one model file.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var schema = new SchemaArguments();
        var extractors = new ExtractorArguments();
        var evaluation = new EvaluationArguments();
        var cluster = new ClusterArguments();
        var tuning = new TuningArguments();
        var selection = new SelectionArguments();
        var strategies = CompareCommand.StrategiesOption();
        strategies.Description = "With --fusion best: the strategies to choose among (comma-separated); default: all";
        var output = new Option<string>("--out") { Description = "The model file to write (e.g. model.mmf)", Required = true };
        var signingKey = new SigningKeyArgument("Sign the model with the secret key in this file (HMAC-SHA256; 16 bytes to 64 KiB), so predict --sign-key can detect tampering");
        var command = new Command("train", "Train a fusion strategy on all rows and save it as one model file");
        schema.AddTo(command);
        extractors.AddTo(command);
        evaluation.AddTo(command);
        cluster.AddTo(command);
        tuning.AddTo(command);
        selection.AddTo(command);
        command.Add(strategies);
        command.Add(output);
        command.Add(signingKey.Option);
        command.SetAction(parse =>
        {
            var key = signingKey.Read(parse);
            // Before any extraction or training: an unwritable --out must not cost a whole training run.
            OutputLocation.Check(parse.GetValue(output), parse.GetValue(evaluation.Report), parse.GetValue(schema.BadRowsFile));
            MultimodalDataset data;
            Fusion.IFusionStrategy strategy;
            Leaderboard? board = null;
            if (parse.GetValue(evaluation.Fusion) == "best")
            {
                // Chosen by cross-validation on these rows (the ensemble selection's pick, or the leaderboard's winner under
                // --select flat), then refitted on all of them.
                (board, _) = CompareCommand.Run(context, parse, schema, extractors, evaluation, cluster, selection, parse.GetValue(strategies),
                    parse.GetValue(output));
                (data, strategy) = (board.Dataset, board.Selected);
            }
            else
            {
                data = DatasetArguments.LoadForLearning(context, parse, schema, extractors, evaluation, parse.GetValue(output));
                if (parse.GetValue(evaluation.Report) is not null)
                    context.Warn("--report needs a comparison: use it with --fusion best, or run evaluate/compare --report");
                strategy = evaluation.Strategy(parse, data.Modalities);
                if (parse.GetValue(cluster.Cluster) is not null)
                    context.Warn("--cluster spreads cross-validation jobs; training one strategy on every row is one job and runs here");
            }
            var options = evaluation.Options(parse, data.Modalities) with { Tuning = tuning.Options(parse, parse.GetValue(evaluation.Seed)) };
            MultimodalModel model;
            var trained = strategy.Name;
            if (options.Tuning is not null)
            {
                // Under --fusion best the winner is tuned, or the best strategy with a learner when the winner is the ensemble.
                var name = trained = board is null ? strategy.Name : TuningArguments.Tunable(board);
                (model, var tuned) = data.TrainTuned(TuningArguments.Space(data, parse, evaluation, name), options, context.Progress);
                context.Out.MarkupLine($"tuned [bold]{Markup.Escape(name)}[/] on every row: {tuned.Trials.Count} trials, chose {Markup.Escape(Reporting.ReportTuning.Settings(tuned.BestSettings))}");
            }
            else
                model = data.Train(strategy, options, context.Progress);
            using var owned = model;
            var path = parse.GetValue(output)!;
            model.Save(path, key);
            context.Out.MarkupLine($"trained [bold]{Markup.Escape(trained)}[/] on {data.RowsUsed} rows; wrote [bold]{Markup.Escape(Path.GetFullPath(path))}[/]");
            context.Out.MarkupLine($"[grey]training-set metrics (optimistic; use evaluate for honest ones): {string.Join(", ", model.TrainingMetrics.Select(m => $"{m.Key} {m.Value:F4}"))}[/]");
            return 0;
        });
        return command;
    }
}
