namespace MMFuse.Data;

/// <summary>
/// What the user said about the manifest: the label, an optional task, and role overrides
/// (<c>--image a b --text c ...</c>). Thresholds have the documented defaults.
/// </summary>
public sealed record SchemaOptions
{
    /// <summary>The column to predict; null for inspection or prediction without a label.</summary>
    public string? Label { get; init; }

    /// <summary>Further 0/1 label columns predicted together with <see cref="Label"/> (task multilabel); empty for one label.</summary>
    public IReadOnlyList<string> MoreLabels { get; init; } = [];

    /// <summary>The separator of several labels in one label cell (task multilabel), e.g. ";"; null for one label per cell.</summary>
    public string? LabelSeparator { get; init; }

    /// <summary>The task to use instead of the inferred one; null to infer it from the label's values.</summary>
    public TaskKind? Task { get; init; }

    /// <summary>Columns forced to a role; a column may be named under one role only.</summary>
    public IReadOnlyDictionary<ColumnRole, IReadOnlyList<string>> Overrides { get; init; } =
        new Dictionary<ColumnRole, IReadOnlyList<string>>();

    /// <summary>A column is numeric when at least this share of its non-empty values parse as numbers.</summary>
    public double NumericShare { get; init; } = 0.95;

    /// <summary>
    /// A column is image (audio) when at least this share of its non-empty values end in an image (audio) extension.
    /// Lower than <see cref="NumericShare"/>: a few odd cells among image paths are far likelier to be mistakes
    /// than a category column that happens to look like file names, and they are named and checked as files.
    /// </summary>
    public double FileShare { get; init; } = 0.8;

    /// <summary>Strings with at most this many distinct values can be categorical (see <see cref="SchemaInferrer"/>).</summary>
    public int CategoricalMaxDistinct { get; init; } = 1000;

    /// <summary>A numeric label with more distinct values than this, or any fractional value, means regression.</summary>
    public int ClassificationMaxDistinct { get; init; } = 20;

    /// <summary>Text cells are cut to this many characters before any text extractor reads them (see <see cref="TextCellCap"/>).</summary>
    public int MaxTextChars { get; init; } = DefaultMaxTextChars;

    /// <summary>The default of <see cref="MaxTextChars"/>: 100,000 characters.</summary>
    public const int DefaultMaxTextChars = 100_000;
}
