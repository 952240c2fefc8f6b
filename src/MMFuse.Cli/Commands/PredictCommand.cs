using System.CommandLine;
using System.Globalization;
using System.Text;
using MMFuse.Bundle;
using MMFuse.Data;
using MMFuse.Cli.Rendering;
using MMFuse.Features.Extraction;
using MMFuse.Fusion.Explanation;
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
        var policyArguments = new SchemaArguments();
        var extractors = new ExtractorArguments(context);
        var signingKey = new SigningKeyArgument("Require the model to be signed with the secret key in this file (train --sign-key); refuse it otherwise");
        var command = new Command("predict", "Predict new rows with a saved model")
        {
            modelPath, manifestPath, output, id, explain, policyArguments.OnBadRow, policyArguments.MaxTextChars, extractors.ThreadsOption, extractors.MaxImagePixels,
            extractors.Cache, signingKey.Option,
        };
        command.SetAction(parse =>
        {
            OutputLocation.Check(parse.GetValue(output));
            var model = ModelFile.Load(parse.GetValue(modelPath)!, signingKey.Read(parse));
            if (model.Manifest.FormatVersion < Bundle.ModelManifest.FirstChecksummedFormatVersion)
                context.Warn($"model file '{parse.GetValue(modelPath)}' is format {model.Manifest.FormatVersion}: its model.json has no " +
                    "checksum, so damage to it cannot be detected; train the model again to protect it");
            var manifest = Manifest.Open(parse.GetValue(manifestPath)!);
            var policy = policyArguments.Policy(parse);
            var table = FeatureTable.Load(manifest, ForcedSchema(model, manifest, parse.GetValue(id)) with { MaxTextChars = policyArguments.TextCap(parse) }, policy);
            DataWarningsOutput.Report(context, table.Inspection, strict: false);
            using var cache = extractors.OpenCache(parse);
            var (features, extractions, keep) = model.Plan.Build(context, table, cache, extractors.Extraction(parse, policy));
            CheckExtractors(model, extractions);
            BadRows.Report(context, table.Inspection, extractions.SelectMany(e => e.Report.Failures), policy, null, parse.GetValue(output));
            var blocks = model.Fitted.Transform(features);
            var predictions = model.Model.Predict(blocks);
            var explanations = parse.GetValue(explain) ? ModalityShapley.Explain(model.Model, blocks, model.Task) : null;
            var path = parse.GetValue(output)!;
            AtomicFile.WriteAllText(path, PredictionsCsv.Write(model.Task, model.Manifest.LabelMap, keep.Select(i => table.Ids[i]).ToList(), predictions, explanations));
            var skipped = table.Inspection.RowsRead - keep.Length;
            context.Out.MarkupLine($"predicted {keep.Length} rows{(skipped > 0 ? $" ({skipped} skipped)" : "")}; wrote [bold]{Markup.Escape(Path.GetFullPath(path))}[/]");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The model's feature columns keep their training roles; the id column (<see cref="PredictionIdColumn"/>) gives
    /// the output's ids; every other column of the new manifest is ignored.
    /// </summary>
    private static SchemaOptions ForcedSchema(ModelFile model, Manifest manifest, string? forcedId)
    {
        IReadOnlyList<string> present;
        using (var reader = manifest.OpenReader())
            present = reader.Columns;
        var needed = model.Plan.Columns.ToList();
        var missing = needed.Where(n => !present.Contains(n)).ToList();
        if (missing.Count > 0)
            throw new MMFuseInputException($"{Path.GetFileName(manifest.Path)} lacks column(s) the model needs: {string.Join(", ", missing)} " +
                $"(the model uses {string.Join(", ", needed)})");
        var roles = model.Manifest.Schema.Columns.ToDictionary(c => c.Name, c => c.Role);
        var id = PredictionIdColumn.Choose(present, model.Manifest.Schema, needed, forcedId);
        var overrides = new Dictionary<ColumnRole, List<string>>();
        foreach (var column in present)
        {
            var role = needed.Contains(column) ? roles[column] : column == id ? ColumnRole.Id : ColumnRole.Ignore;
            (overrides.TryGetValue(role, out var list) ? list : overrides[role] = []).Add(column);
        }
        return new SchemaOptions { Overrides = overrides.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value) };
    }

    /// <summary>Features from another extractor version or model would not mean what the model learned.</summary>
    private static void CheckExtractors(ModelFile model, IReadOnlyList<ColumnExtraction> extractions)
    {
        foreach (var extraction in extractions)
        {
            var trained = model.Manifest.Extractors.First(e => e.Column == extraction.Column.Name).ToSignature();
            if (trained != extraction.Report.Extractor)
                throw new MMFuseInputException($"column '{extraction.Column.Name}': the model was trained with {trained.Id} {trained.Version} " +
                    $"(model {Short(trained.ModelHash)}), but this MMFuse computes {extraction.Report.Extractor.Id} {extraction.Report.Extractor.Version} " +
                    $"(model {Short(extraction.Report.Extractor.ModelHash)}); retrain the model");
        }
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash.Length == 0 ? "none" : hash;
}
