using System.CommandLine;
using MMFuse.Data;
using Spectre.Console;

namespace MMFuse.Cli.Commands;

/// <summary>
/// <c>mmfuse demo</c>: the main job on the embedded samples, needing no download: inspect both samples, compare
/// every strategy on the emoji sample (image + text + numbers) under the same folds, train the winner into one
/// model file and write the report. It runs the real commands, so what it shows is what a user gets.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context, Func<string[], int> run)
    {
        var output = new Option<string>("--out") { Description = "Folder for the demo's outputs", DefaultValueFactory = _ => "demo-output" };
        var command = new Command("demo", "Run the main job on the embedded sample datasets") { output };
        command.SetAction(parse =>
        {
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var samples = SamplesFolder();
            var emoji = Path.Combine(samples, "emoji", "emoji.csv");
            var avdigits = Path.Combine(samples, "avdigits", "avdigits.csv");
            var cache = Path.Combine(folder, "cache");
            var model = Path.Combine(folder, "model.mmf");
            var report = Path.Combine(folder, "report.html");
            // subcategory determines category (each subcategory sits in one category): as a feature it would leak the
            // label, so it is left out, and --strict stops the demo should any other column leak.
            string[] emojiColumns = ["--label", "category", "--ignore", "subcategory", "--strict"];
            Step(run, ["inspect", emoji, .. emojiColumns, "--json", Path.Combine(folder, "inspect-emoji.json")]);
            Step(run, ["inspect", avdigits, "--label", "digit", "--strict", "--json", Path.Combine(folder, "inspect-avdigits.json")]);
            // A few emoji share one image; --dedupe keeps the first of each, so no fold tests on a training image.
            Step(run, ["train", emoji, .. emojiColumns, "--dedupe", "--fusion", "best", "--cv", "3", "--cache", cache, "--out", model, "--report", report]);
            context.Out.Write(new Rule("[bold]demo done[/]").LeftJustified());
            context.Out.MarkupLine($"data: {Markup.Escape(emoji)} (270 rows: image, text, numbers → 9 categories)");
            context.Out.MarkupLine($"model: [bold]{Markup.Escape(model)}[/] (the leaderboard's winner, refitted on every row)");
            context.Out.MarkupLine($"report: [bold]{Markup.Escape(report)}[/] (open it in a browser)");
            context.Out.MarkupLine($"try: ./mmfuse predict {Markup.Escape(model)} {Markup.Escape(emoji)} --out predictions.csv");
            return 0;
        });
        return command;
    }

    private static void Step(Func<string[], int> run, string[] args)
    {
        var code = run(args);
        if (code != 0)
            throw new MMFuseInputException($"demo step 'mmfuse {string.Join(' ', args.Take(2))}' failed with exit code {code}");
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
