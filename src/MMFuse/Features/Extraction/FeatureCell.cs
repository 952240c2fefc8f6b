namespace MMFuse.Features.Extraction;

/// <summary>One cell to featurise: its row (1-based data row), and either a resolved file path or the text itself; both null when the cell is empty.</summary>
public sealed record FeatureCell(long Row, string? FilePath, string? Text)
{
    /// <summary>Where the row starts in a text manifest (0 for Parquet), so extraction failures name the same line as validation's.</summary>
    public long Line { get; init; }

    public bool IsEmpty => FilePath is null && Text is null;
}
