namespace MMFuse.Cluster;

/// <summary>A shard's vectors as they travel back.</summary>
/// <param name="JobId">The request's id.</param>
/// <param name="Worker">The worker that computed it.</param>
/// <param name="Vectors">One vector per item; null where the item failed (its reason in <paramref name="Failures"/>).</param>
/// <param name="Failures">Per item, why it has no vector (it could not be read or decoded); the client extracts those
/// items itself, so a bad file is reported exactly as in a local run.</param>
/// <param name="Seconds">Time spent reading, decoding and encoding on the worker.</param>
/// <param name="Refusal">Set when this worker must not compute the shard (its extractor differs): the shard goes elsewhere.</param>
/// <param name="Error">Set when the shard itself is refused (a path outside the folder): the run fails with it.</param>
[GenerateSerializer, Immutable]
public sealed record ShardResult(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Worker,
    [property: Id(2)] float[]?[] Vectors,
    [property: Id(3)] string?[] Failures,
    [property: Id(4)] double Seconds,
    [property: Id(5)] string? Refusal = null,
    [property: Id(6)] string? Error = null);
