namespace MMFuse.Bundle;

/// <summary>How much a model file may inflate to when loaded. A zip entry's declared size is only a claim (a 2 MB file
/// can declare, and inflate to, gigabytes), so loading refuses any entry, and any file, beyond these caps before
/// allocating for it. The defaults are far above what MMFuse writes: <c>model.json</c> is kilobytes, and the largest
/// learner payloads (ML.NET trees, TorchSharp networks over 1,000-wide inputs) are tens of megabytes.</summary>
public sealed record ModelFileLimits
{
    /// <summary>One mebibyte (1,048,576 bytes), the unit of the default caps.</summary>
    public const long MiB = 1L << 20;

    /// <summary>The cap on <c>model.json</c> (and the small integrity entry beside it).</summary>
    public long ManifestBytes { get; init; } = 16 * MiB;

    /// <summary>The cap on any one payload.</summary>
    public long PayloadBytes { get; init; } = 1024 * MiB;

    /// <summary>The cap on everything in the file together; payloads are held in memory, so it also bounds that.</summary>
    public long TotalBytes { get; init; } = Array.MaxLength;
}
