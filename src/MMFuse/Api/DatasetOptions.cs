using MMFuse.Data;
using MMFuse.Features.Augmentation;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;
using MMFuse.Features.Images;

namespace MMFuse;

/// <summary>
/// How a table is read and turned into features: the label and task, role overrides, what to do with bad rows, the
/// extractor per modality, the feature cache, threads and limits. Every property has the default the CLI has.
/// </summary>
/// <example>
/// <code>
/// var data = MultimodalDataset.Load("photos.csv", new DatasetOptions
/// {
///     Label = "category",
///     Roles = new Dictionary&lt;ColumnRole, IReadOnlyList&lt;string&gt;&gt; { [ColumnRole.Ignore] = ["subcategory"] },
///     BadRows = BadRowPolicy.Skip,
/// });
/// </code>
/// </example>
public sealed record DatasetOptions
{
    /// <summary>The column to predict; null only for inspecting or extracting.</summary>
    public string? Label { get; init; }

    /// <summary>Several 0/1 label columns predicted together (task multilabel); <see cref="Label"/> is then their first.</summary>
    public IReadOnlyList<string>? LabelColumns { get; init; }

    /// <summary>The separator of several labels in one <see cref="Label"/> cell (task multilabel), e.g. ";".</summary>
    public string? LabelSeparator { get; init; }

    /// <summary>Binary, multiclass, regression or multilabel; inferred from the label when null.</summary>
    public TaskKind? Task { get; init; }

    /// <summary>Columns forced to a role (image, audio, text, numeric, categorical, ignore, id, group); the rest are inferred.</summary>
    public IReadOnlyDictionary<ColumnRole, IReadOnlyList<string>> Roles { get; init; } = new Dictionary<ColumnRole, IReadOnlyList<string>>();

    /// <summary>What a row that fails validation or decoding does: stop (default), leave the row out, or make the cell absent.</summary>
    public BadRowPolicy BadRows { get; init; } = BadRowPolicy.Fail;

    /// <summary>Text cells are cut to this many characters before any extractor reads them.</summary>
    public int MaxTextChars { get; init; } = SchemaOptions.DefaultMaxTextChars;

    /// <summary>Data warnings (label leaks, id-like features, missing-value patterns, rows repeated across folds) become errors.</summary>
    public bool Strict { get; init; }

    /// <summary>Use only these modalities: image, audio, text, tabular; null for all.</summary>
    public IReadOnlySet<string>? Modalities { get; init; }

    /// <summary>The extractor per modality.</summary>
    public ExtractorChoices Extractors { get; init; } = new();

    /// <summary>The feature cache folder; null for the default (<see cref="FeatureCache.DefaultFolder"/>).</summary>
    public string? CacheFolder { get; init; }

    /// <summary>Decoding, inference and cross-validation threads.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>An image with more pixels is a bad row; larger than 16 MP ones are decoded scaled down.</summary>
    public long MaxImagePixels { get; init; } = ImageDecodeOptions.DefaultMaxPixels;

    /// <summary>Keep only the first of rows that share an image, audio clip or text, so no fold tests on a training row's content.</summary>
    public bool Dedupe { get; init; }

    /// <summary>Augmented variants of every row made for training (a fold's training rows only ever use them).</summary>
    public int Augment { get; init; }

    /// <summary>How augmented variants are made.</summary>
    public AugmentationOptions Augmentation { get; init; } = new();

    /// <summary>Seeds the augmentation (and nothing else: splits and learners take their own seeds).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Noise added to the test part's audio clips only (training keeps the originals), for evaluation under a noise shift; null for none.</summary>
    public Evaluation.TestNoise? TestNoise { get; init; }

    /// <summary>The column of sample weights (a finite number ≥ 0 per row; scikit-learn's <c>sample_weight</c>): every
    /// learner and fusion strategy trains with them and every metric is weighted by them. Not a feature. Null for none.</summary>
    public string? Weight { get; init; }

    /// <summary>Groups for grouped folds from a side table joined on the id column; null to use the table's group column, if any.</summary>
    public GroupTable? Groups { get; init; }

    internal SchemaOptions ToSchemaOptions() => new()
    {
        Label = LabelColumns is { Count: > 0 } columns ? columns[0] : Label,
        MoreLabels = LabelColumns is { Count: > 1 } more ? more.Skip(1).ToArray() : [],
        LabelSeparator = LabelSeparator,
        Task = Task,
        MaxTextChars = MaxTextChars,
        Overrides = Weight is null ? Roles : new Dictionary<ColumnRole, IReadOnlyList<string>>(Roles) { [ColumnRole.Weight] = [Weight] },
    };

    internal ExtractionOptions ToExtractionOptions() => new() { Threads = Threads, Policy = BadRows, MaxImagePixels = MaxImagePixels };

    internal void Validate()
    {
        if (Threads < 1) throw new MMFuseInputException($"DatasetOptions.Threads: {Threads} is not a positive number");
        if (MaxImagePixels < 1) throw new MMFuseInputException($"DatasetOptions.MaxImagePixels: {MaxImagePixels} is not a positive number");
        if (MaxTextChars < 1) throw new MMFuseInputException($"DatasetOptions.MaxTextChars: {MaxTextChars} is not a positive number of characters");
        if (Augment < 0) throw new MMFuseInputException($"DatasetOptions.Augment: {Augment} is not zero or a positive number");
        if (LabelColumns is { Count: > 0 } labels && Label is not null && Label != labels[0])
            throw new MMFuseInputException($"DatasetOptions.Label: '{Label}' is not the first of DatasetOptions.LabelColumns; give one or the other");
        var unknown = Modalities?.Except(["image", "audio", "text", "tabular"]).FirstOrDefault();
        if (unknown is not null) throw new MMFuseInputException($"DatasetOptions.Modalities: '{unknown}' is not one of image, audio, text, tabular");
    }
}

/// <summary>A side table (csv, tsv, jsonl, parquet) giving each row's group: matched on <paramref name="Join"/>, the table's id column.</summary>
public sealed record GroupTable(string Path, string Join, string Column);
