using System.CommandLine;
using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features;
using MMFuse.Features.Extraction;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Cli;

/// <summary>
/// Everything the learning commands share: the validated table, pretrained features (extracted once, cached),
/// the raw cells of what is fitted per fold, the encoded label and the groups, with skipped rows removed.
/// </summary>
internal sealed record LearningData(
    FeatureTable Table,
    FeatureSet Features,
    float[] Targets,
    IReadOnlyList<string> Classes,
    TaskKind Task,
    IReadOnlyList<string> Ids,
    IReadOnlyList<string>? Groups,
    IReadOnlyList<ColumnExtraction> Extractions,
    double FeatureSeconds)
{
    public int ClassCount => Task == TaskKind.Regression ? 1 : Classes.Count;

    public static LearningData Load(CliContext context, ParseResult parse, SchemaArguments schema, ExtractorArguments extractors, EvaluationArguments evaluation)
    {
        var clock = Stopwatch.StartNew();
        var options = schema.ToSchemaOptions(parse);
        if (options.Label is null)
            throw new MMFuseInputException("--label is required: name the column to predict");
        var policy = schema.Policy(parse);
        var table = FeatureTable.Load(Manifest.Open(parse.GetValue(schema.Manifest)!), options, policy);
        foreach (var warning in table.Inspection.Warnings)
            context.Warn(warning);
        var filter = evaluation.ModalityFilter(parse);
        bool Wanted(ColumnSchema c) => filter is null || filter.Contains(c.Role is ColumnRole.Numeric or ColumnRole.Categorical ? "tabular" : c.Role.Name());
        var choices = extractors.Choices(parse);
        var pretrainedColumns = table.Schema.Columns
            .Where(c => Wanted(c) && (c.Role is ColumnRole.Image or ColumnRole.Audio || (c.Role == ColumnRole.Text && choices.Text != "tfidf")))
            .ToList();
        using var cache = extractors.OpenCache(parse);
        var extraction = new ExtractionOptions { Threads = extractors.Threads(parse), Policy = policy };
        var results = ExtractionRunner.Run(context, table, pretrainedColumns, choices, cache, extraction);
        var skipped = policy == BadRowPolicy.Skip ? results.SelectMany(r => r.Report.Failures).Select(f => f.Row).ToHashSet() : [];
        if (skipped.Count > 0)
            context.Warn($"{skipped.Count} rows skipped because a file could not be decoded");
        var keep = Enumerable.Range(0, table.Rows.Count).Where(i => !skipped.Contains(table.Rows[i])).ToArray();

        var tfidf = choices.Text == "tfidf"
            ? table.Schema.WithRole(ColumnRole.Text).Where(Wanted).Select(c => (c.Name, (IReadOnlyList<string?>)Pick(table.Values[c.Name], keep))).ToList()
            : [];
        var tabular = table.Schema.Columns.Where(c => c.Role is ColumnRole.Numeric or ColumnRole.Categorical && Wanted(c))
            .Select(c => new TabularColumn(c.Name, c.Role, Pick(table.Values[c.Name], keep))).ToList();
        var pretrained = FeatureBlocks.Subset(results.Select(r => r.Block).ToList(), keep);
        var features = new FeatureSet(keep.Length, pretrained, tfidf, tabular);
        if (!features.BlockNames.Any())
            throw new MMFuseInputException("no feature columns are left to learn from (check --modalities and the column roles)");

        var task = table.Schema.Task!.Value;
        var (targets, classes) = LabelEncoder.Encode(Pick(table.Values[options.Label], keep), task);
        var groups = table.Schema.GroupColumn is { } g ? Pick(table.Values[g.Name], keep).Select(v => v ?? "").ToArray() : null;
        return new LearningData(table, features, targets, classes, task, keep.Select(i => table.Ids[i]).ToArray(), groups, results, clock.Elapsed.TotalSeconds);
    }

    public IReadOnlyList<Fold> Folds(SplitSpec split)
    {
        try
        {
            return Splitter.Split(split, Targets.Length, Task == TaskKind.Regression ? null : Targets.Select(t => (int)t).ToArray(), Groups);
        }
        catch (ArgumentException ex)
        {
            throw new MMFuseInputException($"the split {split.Describe()} is not possible here: {ex.Message}", ex);
        }
    }

    private static string?[] Pick(IReadOnlyList<string?> values, int[] rows) => rows.Select(r => values[r]).ToArray();
}
