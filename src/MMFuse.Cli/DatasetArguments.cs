using System.CommandLine;
using MMFuse.Data;

namespace MMFuse.Cli;

/// <summary>The command line's data options as the library's <see cref="DatasetOptions"/>.</summary>
internal static class DatasetArguments
{
    /// <param name="evaluation">The learning commands' options (modalities, dedupe, augmentation, seed); null for inspect and extract.</param>
    public static DatasetOptions Options(ParseResult parse, SchemaArguments schema, ExtractorArguments? extractors, EvaluationArguments? evaluation)
    {
        var schemaOptions = schema.ToSchemaOptions(parse);
        var options = new DatasetOptions
        {
            Label = schemaOptions.Label,
            LabelColumns = schemaOptions.MoreLabels.Count > 0 ? [schemaOptions.Label!, .. schemaOptions.MoreLabels] : null,
            LabelSeparator = schemaOptions.LabelSeparator,
            Task = schemaOptions.Task,
            Roles = schemaOptions.Overrides,
            BadRows = schema.Policy(parse),
            MaxTextChars = schemaOptions.MaxTextChars,
            Strict = parse.GetValue(schema.Strict),
            Groups = schema.SideGroups(parse),
        };
        if (extractors is not null)
            options = options with
            {
                Extractors = extractors.Choices(parse),
                CacheFolder = parse.GetValue(extractors.Cache),
                Threads = extractors.Threads(parse),
                MaxImagePixels = extractors.MaxPixels(parse),
            };
        if (evaluation is not null)
            options = options with
            {
                Modalities = evaluation.ModalityFilter(parse),
                Dedupe = parse.GetValue(evaluation.Dedupe),
                Augment = evaluation.AugmentCount(parse),
                Augmentation = evaluation.AugmentationOptions(parse),
                Seed = parse.GetValue(evaluation.Seed),
                TestNoise = evaluation.TestNoiseSetting(parse),
                Weight = parse.GetValue(evaluation.SampleWeight),
            };
        if (extractors is not null && evaluation is not null)
            options = options with { Extractors = AudioEncoderArgument.Extractors(parse, extractors, evaluation, options.Extractors) };
        return options;
    }

    /// <summary>Loads the table for learning (--label required), shows its notes and warnings, extracts its features with
    /// progress bars and accounts for bad rows beside <paramref name="output"/>.</summary>
    public static MultimodalDataset LoadForLearning(CliContext context, ParseResult parse, SchemaArguments schema, ExtractorArguments extractors,
        EvaluationArguments evaluation, string? output)
    {
        var options = Options(parse, schema, extractors, evaluation);
        if (options.Label is null)
            throw new MMFuseInputException("--label is required: name the column to predict");
        var data = Load(context, parse.GetValue(schema.Manifest)!, options);
        context.Progress.WithBars(() => data.Featurize(context.Progress));
        BadRows.Report(context, data.Inspection, data.FileFailures, options.BadRows, parse.GetValue(schema.BadRowsFile), output);
        return data;
    }

    /// <summary>Loads a table and shows its notes and data warnings (strict mode stops at them).</summary>
    public static MultimodalDataset Load(CliContext context, string path, DatasetOptions options)
    {
        var data = MultimodalDataset.Load(path, options: options);
        DataWarningsOutput.Report(context, data.Inspection, strict: false);
        return data;
    }
}
