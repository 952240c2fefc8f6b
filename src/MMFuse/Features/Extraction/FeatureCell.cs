namespace MMFuse.Features.Extraction;

/// <summary>
/// One cell to featurise: its row (1-based data row) and what it holds — a resolved file path, bytes given in memory
/// (<see cref="Content"/>, e.g. an uploaded image), or the text itself; all null when the cell is empty.
/// </summary>
public sealed record FeatureCell(long Row, string? FilePath, string? Text)
{
    /// <summary>Where the row starts in a text manifest (0 for Parquet), so extraction failures name the same line as validation's.</summary>
    public long Line { get; init; }

    /// <summary>An image's or clip's bytes given in memory instead of a file; hashed for the cache like a file's bytes.</summary>
    public byte[]? Content { get; init; }

    /// <summary>What is hashed for the cache and decoded: the bytes given, the file's bytes, or the text's UTF-8 bytes.</summary>
    /// <exception cref="IOException">The file is not a readable regular file (the reason, without the path).</exception>
    public byte[] ReadContent() => Content ?? (FilePath is not null ? IO.RegularFile.ReadAllBytes(FilePath) : System.Text.Encoding.UTF8.GetBytes(Text ?? ""));

    /// <summary>True when the cell holds nothing: the modality is absent for this row.</summary>
    public bool IsEmpty => FilePath is null && Text is null && Content is null;
}
