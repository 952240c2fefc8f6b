namespace MMFuse.Cluster;

/// <summary>
/// The MMFuse worker on one silo, keyed by the silo's name: it holds the shipped blobs and runs jobs, at most
/// <see cref="WorkerInfo.Threads"/> at once. Activated on its own silo at start-up and kept active; an activation
/// anywhere else refuses to start, so a call to a dead worker fails instead of silently running on another silo.
/// </summary>
public interface IWorkerGrain : IGrainWithStringKey
{
    /// <summary>Name, version and capacity, asked before any job is sent.</summary>
    Task<WorkerInfo> Hello();

    /// <summary>True when the blob with this SHA-256 is already here (complete and verified).</summary>
    Task<bool> HasBlob(string hash);

    /// <summary>One chunk of a blob; once every chunk is in, the blob is verified against its hash and kept.</summary>
    /// <param name="hash">The blob's SHA-256 (hex).</param>
    /// <param name="index">The chunk's place, from 0.</param>
    /// <param name="count">How many chunks the blob has.</param>
    /// <param name="chunk">The bytes.</param>
    Task PutChunk(string hash, int index, int count, byte[] chunk);

    /// <summary>Runs one job (waiting for a free thread first) and returns its outcome.</summary>
    Task<JobResult> Run(JobRequest job);

    /// <summary>Extracts one shard of cells (waiting for a free thread first) and returns its vectors.</summary>
    Task<ShardResult> Extract(ShardRequest shard);

    /// <summary>Keeps the client's lease alive; a client silent for longer than the lease loses its queued jobs.</summary>
    Task Renew(Guid clientId);
}
