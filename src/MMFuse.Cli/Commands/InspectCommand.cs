using System.CommandLine;
using MMFuse.Cli.Rendering;
using MMFuse.Data;
using MMFuse.IO;

namespace MMFuse.Cli.Commands;

/// <summary><c>mmfuse inspect MANIFEST [--label COL] [--json FILE]</c>: roles, missing and distinct counts, label distribution.</summary>
internal static class InspectCommand
{
    public static Command Create(CliContext context)
    {
        var schema = new SchemaArguments();
        var json = new Option<string?>("--json") { Description = "Also write the inspection as JSON to this file" };
        var command = new Command("inspect", "Infer each column's role, validate every row and show the table's shape");
        schema.AddTo(command);
        command.Add(json);
        command.SetAction(parse =>
        {
            OutputLocation.Check(parse.GetValue(json), parse.GetValue(schema.BadRowsFile));
            var options = DatasetArguments.Options(parse, schema, null, null);
            var result = Run(context, parse.GetValue(schema.Manifest)!, options, parse.GetValue(json), parse.GetValue(schema.BadRowsFile));
            InspectionView.Render(context.Out, result);
            return 0;
        });
        return command;
    }

    /// <summary>Inspects, reports skipped rows and warnings, and writes the JSON; shared with <c>demo</c>.</summary>
    public static InspectionResult Run(CliContext context, string path, DatasetOptions options, string? jsonPath, string? badRowsPath)
    {
        var result = MultimodalDataset.Inspect(path, options);
        BadRows.Report(context, result, [], options.BadRows, badRowsPath, jsonPath);
        if (jsonPath is not null)
            AtomicFile.WriteAllText(jsonPath, InspectionJson.Serialize(InspectionJson.Build(result)));
        // After the JSON, so that --strict still leaves the full inspection to look at.
        DataWarningsOutput.Report(context, result, options.Strict);
        return result;
    }
}
