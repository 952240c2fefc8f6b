using System.CommandLine;
using MMFuse.Cli.Rendering;
using MMFuse.Data;
using Spectre.Console;

namespace MMFuse.Cli.Commands;

/// <summary>
/// <c>mmfuse demo</c>: the main job on the embedded samples, needing no download: inspect both samples, compare
/// every strategy on the emoji sample (image + text + numbers) under the same folds, write the report, and train
/// the winner into one model file — through the library's public API, as a program using MMFuse would.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Folder for the demo's outputs", DefaultValueFactory = _ => "demo-output" };
        var command = new Command("demo", "Run the main job on the embedded sample datasets") { output };
        command.SetAction(parse =>
        {
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var samples = SamplesFolder();
            var emoji = Path.Combine(samples, "emoji", "emoji.csv");
            var avdigits = Path.Combine(samples, "avdigits", "avdigits.csv");
            var model = Path.Combine(folder, "model.mmf");
            var report = Path.Combine(folder, "report.html");
            IO.OutputLocation.Check(model, report);
            // subcategory determines category (each subcategory sits in one category): as a feature it would leak the
            // label, so it is left out, and strict mode stops the demo should any other column leak.
            var emojiOptions = new DatasetOptions
            {
                Label = "category",
                Roles = new Dictionary<ColumnRole, IReadOnlyList<string>> { [ColumnRole.Ignore] = ["subcategory"] },
                Strict = true,
                // A few emoji share one image: only the first of each is kept, so no fold tests on a training image.
                Dedupe = true,
                CacheFolder = Path.Combine(folder, "cache"),
            };
            InspectionView.Render(context.Out, InspectCommand.Run(context, emoji, emojiOptions, Path.Combine(folder, "inspect-emoji.json"), null));
            InspectionView.Render(context.Out, InspectCommand.Run(context, avdigits, new DatasetOptions { Label = "digit", Strict = true },
                Path.Combine(folder, "inspect-avdigits.json"), null));

            var data = DatasetArguments.Load(context, emoji, emojiOptions);
            context.Progress.WithBars(() => data.Featurize(context.Progress));
            // Flat selection keeps the demo quick: nested selection's inner cross-validation would refit every strategy 9 more times.
            var board = data.Compare(split: Split.StratifiedKFold(3), options: new EvaluationOptions { Selection = Selection.Flat }, progress: context.Progress);
            LeaderboardView.Render(context.Out, board);
            data.WriteReport(board, report, progress: context.Progress);
            using (var trained = data.Train(board.Best, progress: context.Progress))
                trained.Save(model);

            context.Out.Write(new Rule("[bold]demo done[/]").LeftJustified());
            context.Out.MarkupLine($"data: {Markup.Escape(emoji)} ({data.RowsUsed} rows: image, text, numbers → {data.Classes.Count} categories)");
            context.Out.MarkupLine($"model: [bold]{Markup.Escape(model)}[/] ({Markup.Escape(board.Best.Name)}, the leaderboard's winner, refitted on every row)");
            context.Out.MarkupLine($"report: [bold]{Markup.Escape(report)}[/] (open it in a browser)");
            context.Out.MarkupLine($"try: ./mmfuse predict {Markup.Escape(model)} {Markup.Escape(emoji)} --out predictions.csv");
            return 0;
        });
        return command;
    }

    /// <summary>The samples travel with the tool (copied beside the CLI's assembly); MMFUSE_SAMPLES points elsewhere.</summary>
    internal static string SamplesFolder()
    {
        var configured = Environment.GetEnvironmentVariable("MMFUSE_SAMPLES");
        var folder = string.IsNullOrEmpty(configured) ? Path.Combine(AppContext.BaseDirectory, "samples") : configured;
        if (!Directory.Exists(folder))
            throw new MMFuseInputException($"the embedded samples are missing: no folder {folder}");
        return folder;
    }
}
