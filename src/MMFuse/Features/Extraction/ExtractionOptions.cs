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

    /// <summary>A clip longer than this many seconds is a bad row; no limit by default.</summary>
    public double MaxAudioSeconds { get; init; } = double.PositiveInfinity;

    /// <summary>Extractors to reuse instead of making (and disposing) new ones for this run; the caller holds it.</summary>
    internal ExtractorPool? Pool { get; init; }
}
