using System.CommandLine;
using System.Text.Json.Nodes;
using MMFuse.Cli.Rendering;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;
using MMFuse.Features.Preprocessing;
using MMFuse.IO;
using Spectre.Console;

namespace MMFuse.Cli.Commands;

/// <summary>
/// <c>mmfuse extract MANIFEST</c>: features for every image, audio and text column, with a progress bar per
/// column, cached by content; optional Parquet export and JSON summary.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var schema = new SchemaArguments();
        var options = new ExtractorArguments(context);
        var export = new Option<string?>("--export") { Description = "Write id plus one list-of-float column per feature block to this Parquet file" };
        var json = new Option<string?>("--json") { Description = "Write per-column counts, cache hits, failures and throughput as JSON" };
        var command = new Command("extract", "Turn every image, audio and text column into feature vectors (cached by content)");
        schema.AddTo(command);
        options.AddTo(command);
        command.Add(export);
        command.Add(json);
        command.SetAction(parse =>
        {
            OutputLocation.Check(parse.GetValue(json), parse.GetValue(export), parse.GetValue(schema.BadRowsFile));
            var policy = schema.Policy(parse);
            var manifest = Manifest.Open(parse.GetValue(schema.Manifest)!);
            var table = FeatureTable.Load(manifest, schema.ToSchemaOptions(parse), policy);
            DataWarningsOutput.Report(context, table.Inspection, parse.GetValue(schema.Strict));
            using var cache = options.OpenCache(parse);
            var extraction = options.Extraction(parse, policy);
            var results = ExtractionRunner.Run(context, table, options.Choices(parse, context, table), cache, extraction);
            var keep = ExtractionRunner.KeptRows(table, results, policy);
            var ids = keep.Select(i => table.Ids[i]).ToList();

            ExtractionView.Render(context.Out, results, cache);
            BadRows.Report(context, table.Inspection, results.SelectMany(r => r.Report.Failures), policy,
                parse.GetValue(schema.BadRowsFile), parse.GetValue(json) ?? parse.GetValue(export));
            if (parse.GetValue(export) is { } exportPath)
            {
                FeatureExport.WriteParquet(exportPath, ids, FeatureBlocks.Subset(results.Select(r => r.Block).ToList(), keep));
                context.Out.MarkupLine($"wrote [bold]{Markup.Escape(exportPath)}[/]");
            }
            if (parse.GetValue(json) is { } jsonPath)
                AtomicFile.WriteAllText(jsonPath, InspectionJson.Serialize(ExtractionView.Json(table, results, ids.Count, cache)));
            return 0;
        });
        return command;
    }
}
