namespace MMFuse.Cluster;

/// <summary>What a worker tells a client before it is given jobs.</summary>
/// <param name="Name">The worker's (silo's) name, unique in the cluster.</param>
/// <param name="Version">Its MMFuse version and job-protocol version; a client uses only workers whose version equals its own.</param>
/// <param name="Threads">How many jobs it runs at once (<c>--threads</c>); the client keeps at most this many in flight there.</param>
/// <param name="Host">The machine it runs on.</param>
[GenerateSerializer, Immutable]
public sealed record WorkerInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string Version,
    [property: Id(2)] int Threads,
    [property: Id(3)] string Host);
