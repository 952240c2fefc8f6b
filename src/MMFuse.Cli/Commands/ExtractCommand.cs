using System.CommandLine;
using MMFuse.Cli.Rendering;
using MMFuse.Cluster;
using MMFuse.Features.Extraction;
using MMFuse.Features.Preprocessing;
using MMFuse.IO;
using Spectre.Console;

namespace MMFuse.Cli.Commands;

/// <summary>
/// <c>mmfuse extract MANIFEST</c>: features for every image, audio and text column, with a progress bar per
/// column, cached by content; optional Parquet export and JSON summary; <c>--cluster</c> computes the cache's misses on workers.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var schema = new SchemaArguments();
        var options = new ExtractorArguments();
        var export = new Option<string?>("--export") { Description = "Write id plus one list-of-float column per feature block to this Parquet file" };
        var json = new Option<string?>("--json") { Description = "Write per-column counts, cache hits, failures and throughput as JSON" };
        var cluster = new ClusterArguments();
        var command = new Command("extract", "Turn every image, audio and text column into feature vectors (cached by content)");
        schema.AddTo(command);
        options.AddTo(command);
        command.Add(export);
        command.Add(json);
        cluster.AddTo(command);
        command.SetAction(parse =>
        {
            OutputLocation.Check(parse.GetValue(json), parse.GetValue(export), parse.GetValue(schema.BadRowsFile));
            var datasetOptions = DatasetArguments.Options(parse, schema, options, null);
            var data = DatasetArguments.Load(context, parse.GetValue(schema.Manifest)!, datasetOptions);
            FeatureExtraction result;
            if (parse.GetValue(cluster.Cluster) is { } uri)
            {
                (result, var log) = context.Progress.WithBars(() => DistributedExtraction.ExtractAll(data, uri, cluster.RunOptions(parse), context.Progress));
                cluster.WriteLog(parse, log);
            }
            else
                result = context.Progress.WithBars(() => data.ExtractAll(context.Progress));
            ExtractionView.Render(context.Out, result.Columns, result.CacheFolder);
            BadRows.Report(context, data.Inspection, result.Columns.SelectMany(r => r.Report.Failures), datasetOptions.BadRows,
                parse.GetValue(schema.BadRowsFile), parse.GetValue(json) ?? parse.GetValue(export));
            if (parse.GetValue(export) is { } exportPath)
            {
                FeatureExport.WriteParquet(exportPath, result.Ids, FeatureBlocks.Subset(result.Columns.Select(r => r.Block).ToList(), result.Kept));
                context.Out.MarkupLine($"wrote [bold]{Markup.Escape(exportPath)}[/]");
            }
            if (parse.GetValue(json) is { } jsonPath)
                AtomicFile.WriteAllText(jsonPath, InspectionJson.Serialize(ExtractionView.Json(data.Table, result.Columns, result.Ids.Count, result.CacheFolder)));
            return 0;
        });
        return command;
    }
}
