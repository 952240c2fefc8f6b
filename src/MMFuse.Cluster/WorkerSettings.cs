namespace MMFuse.Cluster;

/// <summary>How a worker silo runs jobs.</summary>
public sealed record WorkerSettings
{
    /// <summary>Jobs run at once (<c>--threads</c>); further jobs wait in the worker's queue, and the client sends no more than this many.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>A client that has not renewed its lease for this long is taken for dead: its queued jobs are dropped.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Datasets (data blobs) kept in memory; the least recently used beyond this are dropped, so memory stays bounded.</summary>
    public int MaxDatasets { get; init; } = 3;

    /// <summary>Complete blobs kept in memory at most (default 1 GiB); the least recently used beyond it are dropped. Jobs
    /// waiting for a thread hold no payload of their own, and a client keeps at most <see cref="Threads"/> jobs (and so
    /// shards' media) in flight per worker, so this bound is rarely reached.</summary>
    public long MaxBlobBytes { get; init; } = 1L << 30;

    /// <summary>Folders this worker may read shared media from (<c>--shared-media</c>); empty: it takes streamed media only.</summary>
    public IReadOnlyList<string> SharedMedia { get; init; } = [];

    /// <summary>The version the worker reports; only tests set it, to play an older worker.</summary>
    public string Version { get; init; } = ClusterVersion.Current;
}
