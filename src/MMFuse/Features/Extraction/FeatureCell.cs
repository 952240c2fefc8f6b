namespace MMFuse.Features.Extraction;

/// <summary>One cell to featurise: its row (1-based data row), and either a resolved file path or the text itself; both null when the cell is empty.</summary>
public sealed record FeatureCell(long Row, string? FilePath, string? Text)
{
    public bool IsEmpty => FilePath is null && Text is null;
}
