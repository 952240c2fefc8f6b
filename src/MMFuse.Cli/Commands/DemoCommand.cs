using System.CommandLine;
using MMFuse.Cli.Rendering;
using MMFuse.Data;
using Spectre.Console;

namespace MMFuse.Cli.Commands;

/// <summary>
/// <c>mmfuse demo</c>: the main job on the embedded samples, needing no download. For now it inspects
/// both samples and writes their JSON to demo-output/; extraction, comparison and the report come later.
/// </summary>
internal static class DemoCommand
{
    private static readonly (string Manifest, string Label)[] Samples =
        [("emoji/emoji.csv", "category"), ("avdigits/avdigits.csv", "digit")];

    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Folder for the demo's outputs", DefaultValueFactory = _ => "demo-output" };
        var command = new Command("demo", "Run the main job on the embedded sample datasets") { output };
        command.SetAction(parse =>
        {
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            foreach (var (manifest, label) in Samples)
            {
                var path = Path.Combine(SamplesFolder(), manifest);
                var json = Path.Combine(folder, $"inspect-{Path.GetFileNameWithoutExtension(manifest)}.json");
                var result = InspectCommand.Run(context, Manifest.Open(path), new SchemaOptions { Label = label }, BadRowPolicy.Fail, json, null);
                InspectionView.Render(context.Out, result);
                context.Out.MarkupLine($"wrote [bold]{Markup.Escape(json)}[/]");
                context.Out.WriteLine();
            }
            return 0;
        });
        return command;
    }

    /// <summary>The samples travel with the tool (copied beside mmfuse.dll); MMFUSE_SAMPLES points elsewhere.</summary>
    internal static string SamplesFolder()
    {
        var configured = Environment.GetEnvironmentVariable("MMFUSE_SAMPLES");
        var folder = string.IsNullOrEmpty(configured) ? Path.Combine(AppContext.BaseDirectory, "samples") : configured;
        if (!Directory.Exists(folder))
            throw new MMFuseInputException($"the embedded samples are missing: no folder {folder}");
        return folder;
    }
}
