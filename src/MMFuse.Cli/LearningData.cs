using System.CommandLine;
using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features;
using MMFuse.Features.Extraction;

namespace MMFuse.Cli;

/// <summary>
/// Everything the learning commands share: the validated table, the feature plan, pretrained features
/// (extracted once, cached), the raw cells of what is fitted per fold, the encoded label and the groups,
/// with skipped rows removed.
/// </summary>
internal sealed record LearningData(
    FeatureTable Table,
    FeaturePlan Plan,
    FeatureSet Features,
    float[] Targets,
    IReadOnlyList<string> Classes,
    TaskKind Task,
    IReadOnlyList<string> Ids,
    IReadOnlyList<string>? Groups,
    IReadOnlyList<ColumnExtraction> Extractions,
    IReadOnlyList<FeatureSet> Augmented,
    int[] Kept,
    double FeatureSeconds,
    Lazy<ContentKeys> Content)
{
    /// <summary>The features with the audio blocks of the clips under --test-noise; only test parts are taken from them.</summary>
    public FeatureSet? TestFeatures { get; init; }

    public int ClassCount => Task == TaskKind.Regression ? 1 : Classes.Count;

    /// <param name="output">The command's main output file, beside which bad-rows.csv goes.</param>
    public static LearningData Load(CliContext context, ParseResult parse, SchemaArguments schema, ExtractorArguments extractors, EvaluationArguments evaluation,
        string? output)
    {
        var clock = Stopwatch.StartNew();
        var options = schema.ToSchemaOptions(parse);
        if (options.Label is null)
            throw new MMFuseInputException("--label is required: name the column to predict");
        var policy = schema.Policy(parse);
        var table = FeatureTable.Load(Manifest.Open(parse.GetValue(schema.Manifest)!), options, policy);
        DataWarningsOutput.Report(context, table.Inspection, parse.GetValue(schema.Strict));
        var plan = FeaturePlan.FromSchema(table.Schema, evaluation.ModalityFilter(parse), extractors.Choices(parse, context, table));
        using var cache = extractors.OpenCache(parse);
        var extraction = extractors.Extraction(parse, policy);
        var (features, extractions, keep) = plan.Build(context, table, cache, extraction);
        BadRows.Report(context, table.Inspection, extractions.SelectMany(e => e.Report.Failures), policy, parse.GetValue(schema.BadRowsFile), output);
        var augmented = plan.BuildAugmented(context, table, cache, extraction, features, keep, evaluation.AugmentationOptions(parse),
            parse.GetValue(evaluation.Seed), evaluation.AugmentCount(parse));
        // Hashing every file's bytes is only needed by --dedupe and the fold check of evaluate and compare.
        Lazy<ContentKeys>? content = null;
        if (parse.GetValue(evaluation.Dedupe))
        {
            ContentKeys deduped;
            (features, augmented, keep, deduped) = Dedupe(context, features, augmented, keep, ContentKeys.Of(table, keep));
            content = new Lazy<ContentKeys>(deduped);
        }
        var kept = keep;
        content ??= new Lazy<ContentKeys>(() => ContentKeys.Of(table, kept));
        var task = table.Schema.Task!.Value;
        var (targets, classes) = LabelEncoder.Encode(FeaturePlan.Pick(table.Values[options.Label], keep), task);
        var groups = schema.SideGroups(parse, table, keep)
            ?? (table.Schema.GroupColumn is { } g ? FeaturePlan.Pick(table.Values[g.Name], keep).Select(v => v ?? "").ToArray() : null);
        var testFeatures = evaluation.TestNoiseSetting(parse) is { } noise
            ? plan.BuildTestNoise(context, table, cache, extraction, features, keep, noise)
            : null;
        return new LearningData(table, plan, features, targets, classes, task, keep.Select(i => table.Ids[i]).ToArray(), groups, extractions, augmented, keep,
            clock.Elapsed.TotalSeconds, content) { TestFeatures = testFeatures };
    }

    private static (FeatureSet, IReadOnlyList<FeatureSet>, int[], ContentKeys) Dedupe(CliContext context, FeatureSet features,
        IReadOnlyList<FeatureSet> augmented, int[] keep, ContentKeys content)
    {
        var first = content.FirstOfEach();
        if (first.Length == keep.Length)
            return (features, augmented, keep, content);
        context.Warn($"--dedupe: left out {keep.Length - first.Length} row(s) whose image, audio or text repeats an earlier row's");
        return (features.Subset(first), augmented.Select(a => a.Subset(first)).ToArray(), first.Select(i => keep[i]).ToArray(), content.Subset(first));
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
}
