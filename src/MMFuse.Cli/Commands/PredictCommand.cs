using System.CommandLine;
using MMFuse.IO;
using Spectre.Console;

namespace MMFuse.Cli.Commands;

/// <summary>
/// <c>mmfuse predict MODEL.mmf MANIFEST --out PREDICTIONS.csv</c>: featurises new rows exactly as the training rows
/// were (same columns, roles, extractors and fitted state) and writes id, prediction and one probability per class.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context)
    {
        var modelPath = new Argument<string>("model") { Description = "A model file written by mmfuse train" };
        var manifestPath = new Argument<string>("manifest") { Description = "Rows to predict (.csv, .tsv, .jsonl or .parquet); no label needed" };
        var output = new Option<string>("--out") { Description = "Where to write the predictions (CSV)", Required = true };
        var id = new Option<string?>("--id") { Description = "The column whose values identify the rows in the output (default: the manifest's id column, else a column named id, else row numbers)" };
        var explain = new Option<bool>("--explain")
        {
            Description = "Add each modality's contribution to each row's prediction (exact Shapley values over the modalities' presence): baseline and contrib_<modality> columns",
        };
        var schema = new SchemaArguments();
        var extractors = new ExtractorArguments();
        var signingKey = new SigningKeyArgument("Require the model to be signed with the secret key in this file (train --sign-key); refuse it otherwise");
        var command = new Command("predict", "Predict new rows with a saved model")
        {
            modelPath, manifestPath, output, id, explain, schema.OnBadRow, schema.MaxTextChars, extractors.ThreadsOption, extractors.MaxImagePixels,
            extractors.Cache, signingKey.Option,
        };
        command.SetAction(parse =>
        {
            OutputLocation.Check(parse.GetValue(output));
            using var model = MultimodalModel.Load(parse.GetValue(modelPath)!, signingKey.Read(parse));
            if (model.Manifest.FormatVersion < Bundle.ModelManifest.FirstChecksummedFormatVersion)
                context.Warn($"model file '{parse.GetValue(modelPath)}' is format {model.Manifest.FormatVersion}: its model.json has no " +
                    "checksum, so damage to it cannot be detected; train the model again to protect it");
            var options = new PredictOptions
            {
                IdColumn = parse.GetValue(id), BadRows = schema.Policy(parse), Explain = parse.GetValue(explain), MaxTextChars = schema.TextCap(parse),
                MaxImagePixels = extractors.MaxPixels(parse), Threads = extractors.Threads(parse), CacheFolder = parse.GetValue(extractors.Cache),
            };
            var predictions = context.Progress.WithBars(() => model.Predict(parse.GetValue(manifestPath)!, options, context.Progress));
            DataWarningsOutput.Report(context, predictions.Inspection, strict: false);
            BadRows.Report(context, predictions.Inspection, predictions.FileFailures, options.BadRows, null, parse.GetValue(output));
            var path = parse.GetValue(output)!;
            predictions.WriteCsv(path);
            context.Out.MarkupLine($"predicted {predictions.Count} rows{(predictions.Skipped > 0 ? $" ({predictions.Skipped} skipped)" : "")}; wrote [bold]{Markup.Escape(Path.GetFullPath(path))}[/]");
            return 0;
        });
        return command;
    }
}
