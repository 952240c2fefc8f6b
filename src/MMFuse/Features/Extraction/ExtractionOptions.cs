using MMFuse.Data;

namespace MMFuse.Features.Extraction;

/// <summary>How to run extraction: decoding threads, encoder batch size and what to do with a file that fails to decode, and the largest image accepted.</summary>
public sealed record ExtractionOptions
{
    /// <summary>Files decoded at the same time (default: one per core).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>Decoded items handed to the encoder at once.</summary>
    public int BatchSize { get; init; } = 32;
    /// <summary>What a file that fails to decode does: stop the run, leave the row out, or keep it with that cell
    /// absent.</summary>
    public BadRowPolicy Policy { get; init; } = BadRowPolicy.Fail;

    /// <summary>An image with more pixels is a bad row (<c>--max-image-pixels</c>).</summary>
    public long MaxImagePixels { get; init; } = Images.ImageDecodeOptions.DefaultMaxPixels;
}
