using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;

namespace MMFuse;

/// <summary>
/// Everything learning shares: the validated table, the feature plan, pretrained features (extracted once, cached),
/// the raw cells of what is fitted per fold, the encoded label and the groups, with skipped rows removed.
/// </summary>
internal sealed record PreparedData(
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
    public int ClassCount => Task == TaskKind.Regression ? 1 : Classes.Count;

    /// <summary>The features with the audio of the clips under <see cref="DatasetOptions.TestNoise"/>; only test parts are taken from them.</summary>
    public FeatureSet? TestFeatures { get; init; }

    /// <summary>Each kept row's sample weight (<see cref="DatasetOptions.Weight"/>); null without a weight column.</summary>
    public float[]? Weights { get; init; }

    /// <summary>The sample weights with <paramref name="options"/>' class weighting; null when nothing is weighted.</summary>
    public SampleWeighting? Weighting(EvaluationOptions options) =>
        Weights is null && options.ClassWeight == ClassWeight.None ? null : new SampleWeighting(Weights, options.ClassWeight);

    /// <summary>The work of cross-validating these rows on <paramref name="folds"/> under <paramref name="options"/>:
    /// features, targets, augmented variants, test-time absence and shift, and weights.</summary>
    public Evaluation.Jobs.FoldWork Work(IReadOnlyList<Fold> folds, EvaluationOptions options) =>
        new(Features, Targets, Task, ClassCount, folds, options.Normalize, options.Seed, Augmented, options.TestMissing, TestFeatures)
        {
            Weighting = Weighting(options),
        };

    /// <summary>Each row's missingness pattern; presence does not depend on what is fitted, so nothing is fitted for it.</summary>
    public IReadOnlyList<string> Patterns => _patterns ??= PresenceSubsets.Of(Features.Presence());

    private string[]? _patterns;

    public static PreparedData Prepare(FeatureTable table, DatasetOptions options, IProgress<MMFuseProgress>? progress, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        if (options.Label is null)
            throw new MMFuseInputException("a label is needed to learn: name the column to predict");
        var plan = FeaturePlan.FromSchema(table.Schema, options.Modalities, ResolveChoices(table, options.Extractors, progress));
        using var cache = OpenCache(options, progress);
        var extraction = options.ToExtractionOptions();
        var (features, extractions, keep) = plan.Build(table, cache, extraction, progress, cancel);
        var augmented = plan.BuildAugmented(table, cache, extraction, features, keep, options.Augmentation, options.Seed, options.Augment, progress, cancel);
        // Hashing every file's bytes is only needed by Dedupe and the fold check of evaluate and compare.
        Lazy<ContentKeys>? content = null;
        if (options.Dedupe)
        {
            ContentKeys deduped;
            (features, augmented, keep, deduped) = Dedupe(features, augmented, keep, ContentKeys.Of(table, keep), progress);
            content = new Lazy<ContentKeys>(deduped);
        }
        var kept = keep;
        content ??= new Lazy<ContentKeys>(() => ContentKeys.Of(table, kept));
        var task = table.Schema.Task!.Value;
        var (targets, classes) = task == TaskKind.Multilabel
            ? Evaluation.MultiLabel.MultiLabelEncoder.Encode(table, keep)
            : LabelEncoder.Encode(FeaturePlan.Pick(table.Values[options.Label], keep), task);
        var groups = SideGroups(options.Groups, table, keep)
            ?? (table.Schema.GroupColumn is { } g ? FeaturePlan.Pick(table.Values[g.Name], keep).Select(v => v ?? "").ToArray() : null);
        var testFeatures = options.TestNoise is { } noise
            ? plan.BuildTestNoise(table, cache, extraction, features, keep, noise, progress, cancel)
            : null;
        return new PreparedData(table, plan, features, targets, classes, task, keep.Select(i => table.Ids[i]).ToArray(), groups, extractions, augmented, keep,
            clock.Elapsed.TotalSeconds, content)
        {
            TestFeatures = testFeatures,
            Weights = options.Weight is { } w ? FeaturePlan.Pick(table.Values[w], keep).Select(v => WeightCell.Parse(v!)).ToArray() : null,
        };
    }

    /// <summary>The extractor per modality, with the image <c>auto</c> resolved by looking at the table's images and the
    /// text <c>default</c> by the lengths of each text column's texts (<see cref="MMFuse.Features.Text.TextLengths"/>).</summary>
    public static ExtractorChoices ResolveChoices(FeatureTable table, ExtractorChoices choices, IProgress<MMFuseProgress>? progress)
    {
        choices = ResolveText(table, choices, progress);
        if (!choices.ImageIsAuto)
            return choices;
        var files = table.Schema.WithRole(ColumnRole.Image)
            .SelectMany(c => table.Cells[c.Name].Where(cell => cell.FilePath is not null).Select(cell => cell.FilePath!));
        var (image, reason) = MMFuse.Features.Images.ImageFeatureExtractor.ResolveAuto(files);
        if (table.Schema.WithRole(ColumnRole.Image).Any())
            progress?.Report(new ProgressNote($"image features: auto → {image} ({reason})") { Kind = NoteKind.Decision });
        return choices with { Image = image };
    }

    /// <summary>The text <c>default</c>: <c>minilm</c>, with <c>minilm+tfidf</c> for each column of long texts; a column
    /// given its own choice keeps it.</summary>
    private static ExtractorChoices ResolveText(FeatureTable table, ExtractorChoices choices, IProgress<MMFuseProgress>? progress)
    {
        if (choices.Text != ExtractorChoices.DefaultText)
            return choices;
        var byColumn = new Dictionary<string, string>(choices.TextByColumn ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var column in table.Schema.WithRole(ColumnRole.Text).Where(c => !byColumn.ContainsKey(c.Name)))
        {
            var median = MMFuse.Features.Text.TextLengths.MedianCharacters(table.Values[column.Name]);
            if (!MMFuse.Features.Text.TextLengths.IsLong(median))
                continue;
            byColumn[column.Name] = FeaturePlan.BothTextFeatures;
            progress?.Report(new ProgressNote($"text features: default → minilm+tfidf for '{column.Name}' (long texts: median {median:F0} characters)")
            {
                Kind = NoteKind.Decision,
            });
        }
        return choices with { Text = "minilm", TextByColumn = byColumn.Count > 0 ? byColumn : null };
    }

    /// <summary>The feature cache; one that cannot be used, or stops being writable, warns once and the run goes on without it.</summary>
    public static FeatureCache OpenCache(DatasetOptions options, IProgress<MMFuseProgress>? progress) =>
        FeatureCache.OpenOrBypass(options.CacheFolder ?? FeatureCache.DefaultFolder(), message => progress?.Report(new ProgressNote(message, IsWarning: true)));

    private static (FeatureSet, IReadOnlyList<FeatureSet>, int[], ContentKeys) Dedupe(FeatureSet features,
        IReadOnlyList<FeatureSet> augmented, int[] keep, ContentKeys content, IProgress<MMFuseProgress>? progress)
    {
        var first = content.FirstOfEach();
        if (first.Length == keep.Length)
            return (features, augmented, keep, content);
        progress?.Report(new ProgressNote($"DatasetOptions.Dedupe: left out {keep.Length - first.Length} row(s) whose image, audio or text repeats an earlier row's", IsWarning: true));
        return (features.Subset(first), augmented.Select(a => a.Subset(first)).ToArray(), first.Select(i => keep[i]).ToArray(), content.Subset(first));
    }

    /// <summary>The group of each kept row from the side table, or null without one.</summary>
    private static string[]? SideGroups(GroupTable? side, FeatureTable table, IReadOnlyList<int> keep)
    {
        if (side is null)
            return null;
        if (table.Schema.IdColumn?.Name != side.Join)
            throw new MMFuseInputException($"DatasetOptions.Groups: the join column '{side.Join}' is not the table's id column ({table.Schema.IdColumn?.Name ?? "it has none; give the id column the id role"})");
        var lookup = SideTable.Lookup(side.Path, side.Join, side.Column);
        return SideTable.Join(lookup, keep.Select(i => table.Ids[i]).ToList(), keep.Select(i => table.Rows[i]).ToList(), Path.GetFileName(side.Path));
    }

    public IReadOnlyList<Fold> Folds(SplitSpec split)
    {
        try
        {
            return Task == TaskKind.Multilabel
                ? Splitter.Split(split, Targets.Length, null, Groups, Evaluation.MultiLabel.LabelSetCode.Decode(Targets, ClassCount))
                : Splitter.Split(split, Targets.Length, Task == TaskKind.Regression ? null : Targets.Select(t => (int)t).ToArray(), Groups);
        }
        catch (ArgumentException ex)
        {
            throw new MMFuseInputException($"the split {split.Describe()} is not possible here: {ex.Message}", ex);
        }
    }
}
