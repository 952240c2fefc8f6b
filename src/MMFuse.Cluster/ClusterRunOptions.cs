namespace MMFuse.Cluster;

/// <summary>How a client spreads jobs, ships extraction shards and notices lost workers.</summary>
public sealed record ClusterRunOptions
{
    /// <summary>Blobs travel in chunks of this size: Orleans messages have a size limit, and chunks keep each message small.</summary>
    public int ChunkBytes { get; init; } = 1 << 20;

    /// <summary>With no usable worker for this long, the run stops with an error instead of waiting for ever.</summary>
    public TimeSpan NoWorkerTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the client renews its lease on every worker, and looks for workers that joined or left.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A worker that answers no renewal for this long is taken for lost; its unfinished jobs go to other workers.</summary>
    public TimeSpan SilenceLimit { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>How workers get the media of extraction shards (<c>--media</c>): streamed from the client (default) or read from shared storage.</summary>
    public MediaMode Media { get; init; } = MediaMode.Stream;

    /// <summary>Cells per extraction shard at most (one job).</summary>
    public int ShardRows { get; init; } = 64;

    /// <summary>Media bytes per extraction shard at most (a single larger file makes a shard of its own): with at most
    /// <c>--threads</c> shards in flight per worker, this bounds the media a worker holds for one client.</summary>
    public long ShardBytes { get; init; } = 16L << 20;

    /// <summary>Mutual TLS with the cluster's certificate (<c>--tls-cert</c>); null for plain connections.</summary>
    public ClusterTls? Tls { get; init; }
}
