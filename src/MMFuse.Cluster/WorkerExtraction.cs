using System.Collections.Concurrent;
using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;
using MMFuse.IO;

namespace MMFuse.Cluster;

/// <summary>
/// A worker's side of distributed extraction: gets a shard's bytes (its streamed blob, or files read inside the
/// manifest's folder), checks each against the hash the client named, and runs the extractor. Extractors are kept
/// between shards (loading a model takes seconds), one per running job: an extractor is never shared by two jobs.
/// </summary>
internal sealed class WorkerExtraction(WorkerSettings settings, WorkerStore store) : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<ContentExtractor>> _idle = new(StringComparer.Ordinal);

    /// <summary>Computes one shard (called inside a job slot).</summary>
    public ShardResult Run(ShardRequest shard, string worker)
    {
        var clock = Stopwatch.StartNew();
        byte[][] contents;
        string?[] failures = new string?[shard.ContentHashes.Length];
        if (shard.PayloadHash is null && shard.SharedFolder is { } folder)
        {
            // A worker that may not read this folder (or no shared media at all) stays out; another may.
            try { SharedMediaFolder.CheckAllowed(folder, settings.SharedMedia); }
            catch (MMFuseInputException refused)
            {
                return new ShardResult(shard.JobId, worker, [], [], clock.Elapsed.TotalSeconds, Refusal: $"worker '{worker}': {refused.Message}");
            }
        }
        try
        {
            contents = shard.PayloadHash is not null ? Streamed(shard, worker) : Shared(shard, failures);
        }
        catch (MMFuseInputException refused)
        {
            return new ShardResult(shard.JobId, worker, [], [], clock.Elapsed.TotalSeconds, Error: refused.Message);
        }
        for (var i = 0; i < contents.Length; i++)
            if (failures[i] is null && Convert.ToHexStringLower(FeatureKey.HashContent(contents[i])) != shard.ContentHashes[i])
                failures[i] = "its bytes here differ from the client's (the file changed, or another file is at this path)";

        var pool = _idle.GetOrAdd(shard.Extractor.Key, _ => []);
        ContentExtractor extractor;
        try
        {
            extractor = pool.TryTake(out var idle) ? idle : ContentExtractor.Create(shard.Extractor.Role, shard.Extractor.Name, shard.Extractor.Options);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A model file missing here, an extractor this build does not know: this worker cannot take part.
            return new ShardResult(shard.JobId, worker, [], [], clock.Elapsed.TotalSeconds,
                Refusal: $"worker '{worker}' cannot make extractor '{shard.Extractor.Name}': {ex.Message}");
        }
        try
        {
            var signature = ShardExtractor.Describe(extractor.Signature);
            if (signature != shard.Extractor.Signature)
                return new ShardResult(shard.JobId, worker, [], [], clock.Elapsed.TotalSeconds,
                    Refusal: $"worker '{worker}' has extractor {signature}, the client {shard.Extractor.Signature}: not used for extraction (features are never mixed across models)");
            var usable = Enumerable.Range(0, contents.Length).Where(i => failures[i] is null).ToArray();
            var (vectors, decodeFailures) = extractor.Extract(usable.Select(i => contents[i]).ToArray(), shard.Extractor.BatchSize);
            var all = new float[]?[contents.Length];
            for (var k = 0; k < usable.Length; k++)
                (all[usable[k]], failures[usable[k]]) = (vectors[k], decodeFailures[k]);
            return new ShardResult(shard.JobId, worker, all, failures, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            pool.Add(extractor);
        }
    }

    /// <summary>The shard's blob, cut into its items; the blob is dropped here (one job uses it).</summary>
    private byte[][] Streamed(ShardRequest shard, string worker)
    {
        var blob = store.TakeBlob(shard.PayloadHash!)
            ?? throw new InvalidOperationException($"worker '{worker}' {WorkerStore.MissingBlobs} of shard {shard.JobId[..12]} (dropped, or never shipped)");
        var lengths = shard.Lengths ?? [];
        if (lengths.Length != shard.ContentHashes.Length || lengths.Any(l => l < 0) || lengths.Sum(l => (long)l) != blob.Length)
            throw new MMFuseInputException($"shard {shard.JobId[..12]}: its item lengths do not add up to its payload");
        var contents = new byte[lengths.Length][];
        var offset = 0;
        for (var i = 0; i < lengths.Length; i++)
        {
            contents[i] = blob.AsSpan(offset, lengths[i]).ToArray();
            offset += lengths[i];
        }
        return contents;
    }

    /// <summary>The shard's files, each resolved inside the manifest's folder (a path leading out refuses the whole
    /// shard); a file that cannot be read is a failure of that item, which the client then reads itself.</summary>
    private byte[][] Shared(ShardRequest shard, string?[] failures)
    {
        var folder = shard.SharedFolder ?? throw new MMFuseInputException("shard without media: neither streamed bytes nor a shared folder");
        var paths = shard.Paths ?? [];
        if (paths.Length != shard.ContentHashes.Length)
            throw new MMFuseInputException($"shard {shard.JobId[..12]}: {paths.Length} path(s) for {shard.ContentHashes.Length} item(s)");
        var files = paths.Select(p => SharedMediaFolder.Resolve(folder, p)).ToArray();
        var contents = new byte[files.Length][];
        for (var i = 0; i < files.Length; i++)
        {
            try
            {
                contents[i] = RegularFile.ReadAllBytes(files[i]);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                (contents[i], failures[i]) = ([], ex.Message);
            }
        }
        return contents;
    }

    public void Dispose()
    {
        foreach (var pool in _idle.Values)
            while (pool.TryTake(out var extractor))
                extractor.Dispose();
    }
}
