using System.Collections.Concurrent;

namespace MMFuse.Cluster;

/// <summary>What a cluster run did: the jobs and their durations, the bytes shipped to each worker, the workers lost.</summary>
public sealed class ClusterRunLog
{
    private readonly ConcurrentQueue<JobLogEntry> _jobs = new();
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _lost = new();

    /// <summary>Every job answer received, in arrival order.</summary>
    public IReadOnlyList<JobLogEntry> Jobs => _jobs.ToArray();

    /// <summary>Blob bytes sent to each worker (0 where it already held them).</summary>
    public IReadOnlyDictionary<string, long> BytesShipped => _bytes;

    /// <summary>Workers lost during the run, with the reason.</summary>
    public IReadOnlyList<string> LostWorkers => _lost.ToArray();

    /// <summary>Seconds the client spent encoding and shipping blobs (summed over workers).</summary>
    public double ShippingSeconds { get; internal set; }

    internal void Job(JobLogEntry entry) => _jobs.Enqueue(entry);

    internal void Shipped(string worker, long bytes) => _bytes.AddOrUpdate(worker, bytes, (_, b) => b + bytes);

    internal void Lost(string worker) => _lost.Enqueue(worker);
}
