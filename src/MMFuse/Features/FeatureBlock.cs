namespace MMFuse.Features;

/// <summary>
/// One modality's features for a set of rows: a dense row-major matrix plus a per-row present flag.
/// An absent row (empty cell, or a file that failed under the <c>missing</c> policy) keeps its place
/// with <see cref="Present"/> false, so rows are never dropped silently.
/// </summary>
public sealed record FeatureBlock(string Modality, string ExtractorId, int Dimension, float[][] Rows, bool[] Present)
{
    /// <summary>The number of rows.</summary>
    public int Count => Rows.Length;
}
