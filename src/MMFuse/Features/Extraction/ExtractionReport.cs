using MMFuse.Data;

namespace MMFuse.Features.Extraction;

/// <summary>What one column's extraction did: counts, cache hits, failures with reasons, and time.</summary>
public sealed record ExtractionReport(
    string Column,
    ExtractorSignature Extractor,
    int Items,
    int Present,
    int CacheHits,
    int Computed,
    IReadOnlyList<DataIssue> Failures,
    double Seconds)
{
    /// <summary>Items per second of wall time over the column (0 when no time was measured).</summary>
    public double ItemsPerSecond => Seconds > 0 ? Items / Seconds : 0;
}
