using MMFuse.Data;

namespace MMFuse.Features.Extraction;

/// <summary>How to run extraction: decoding threads, encoder batch size and what to do with a file that fails to decode.</summary>
public sealed record ExtractionOptions
{
    public int Threads { get; init; } = Environment.ProcessorCount;
    public int BatchSize { get; init; } = 32;
    public BadRowPolicy Policy { get; init; } = BadRowPolicy.Fail;
}
