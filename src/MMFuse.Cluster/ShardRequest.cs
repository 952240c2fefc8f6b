namespace MMFuse.Cluster;

/// <summary>
/// One extraction job: a shard of one column's cells missing from the client's feature cache. The items' bytes come
/// either streamed (a content-addressed blob shipped before, cut by <see cref="Lengths"/>) or as paths inside the
/// manifest's folder on shared storage. Every item names the SHA-256 of its bytes, which the worker checks, so a
/// vector always goes into the cache under the key of the content it was computed from.
/// </summary>
/// <param name="JobId">The shard's content address: a hash of the extractor signature and the items' content hashes.</param>
/// <param name="ClientId">The client's lease.</param>
/// <param name="Extractor">The extractor and the signature the client expects.</param>
/// <param name="ContentHashes">SHA-256 (hex) of each item's bytes, in order.</param>
/// <param name="PayloadHash">Streamed: the blob holding the items' bytes one after another; else null.</param>
/// <param name="Lengths">Streamed: each item's byte count; else null.</param>
/// <param name="SharedFolder">Shared: the manifest's folder; else null.</param>
/// <param name="Paths">Shared: each item's path relative to <paramref name="SharedFolder"/>; else null.</param>
[GenerateSerializer, Immutable]
public sealed record ShardRequest(
    [property: Id(0)] string JobId,
    [property: Id(1)] Guid ClientId,
    [property: Id(2)] ShardExtractor Extractor,
    [property: Id(3)] string[] ContentHashes,
    [property: Id(4)] string? PayloadHash = null,
    [property: Id(5)] int[]? Lengths = null,
    [property: Id(6)] string? SharedFolder = null,
    [property: Id(7)] string[]? Paths = null);
