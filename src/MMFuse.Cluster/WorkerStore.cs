using MMFuse.Evaluation.Jobs;
using MMFuse.Fusion;

namespace MMFuse.Cluster;

/// <summary>
/// A worker silo's shipped blobs, decoded work, client leases and job slots. A singleton of the silo, not grain state:
/// when a silo that held part of the grain directory dies, Orleans may activate the worker grain afresh on its own silo,
/// and that activation must still find the blobs and share the same <see cref="WorkerSettings.Threads"/> slots.
/// </summary>
internal sealed class WorkerStore : IDisposable
{
    /// <summary>Part of the message of a job whose blobs this worker does not hold: the client ships them again.</summary>
    public const string MissingBlobs = "does not hold the blobs";

    private readonly WorkerSettings _settings;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, byte[]?[]> _partial = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> _blobUse = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Data, string Plan), Lazy<(FoldWork Work, List<IFusionStrategy> Strategies)>> _decoded = [];
    private readonly Dictionary<Guid, (DateTime Renewed, CancellationTokenSource Cancel)> _leases = [];
    private readonly Timer _expiry;
    private long _blobBytes;
    private int _running;

    public WorkerStore(WorkerSettings settings)
    {
        _settings = settings;
        Slots = new SemaphoreSlim(Math.Max(1, settings.Threads));
        _expiry = new Timer(_ => ExpireLeases(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>One slot per job computing at once.</summary>
    public SemaphoreSlim Slots { get; }

    /// <summary>Jobs computing now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>The most jobs ever computing at once; never above <see cref="WorkerSettings.Threads"/>.</summary>
    public int PeakRunning { get; private set; }

    /// <summary>Bytes of complete blobs held now.</summary>
    public long BlobBytes { get { lock (_gate) return _blobBytes; } }

    /// <summary>The most blob bytes ever held at once (a single blob larger than the bound is held alone).</summary>
    public long PeakBlobBytes { get; private set; }

    /// <summary>Runs <paramref name="work"/> on the thread pool once one of the <see cref="WorkerSettings.Threads"/> slots is
    /// free. A job waiting for a slot holds only its small request, not its blobs; it is dropped when the client's lease
    /// runs out first.</summary>
    public async Task<T> InSlot<T>(Guid client, Func<T> work)
    {
        var cancel = Lease(client);
        await Slots.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var now = Interlocked.Increment(ref _running);
            lock (_gate)
                PeakRunning = Math.Max(PeakRunning, now);
            // Off the grain's scheduler: a job computes for seconds to minutes and must not hold up renewals or uploads.
            return await Task.Run(work, cancel).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            Slots.Release();
        }
    }

    /// <summary>Removes and returns a blob used by one job only (an extraction shard's streamed media); null when not held.</summary>
    public byte[]? TakeBlob(string hash)
    {
        lock (_gate)
        {
            if (!_blobs.Remove(hash, out var blob))
                return null;
            _blobUse.Remove(hash);
            _blobBytes -= blob.Length;
            return blob;
        }
    }

    public bool HasBlob(string hash)
    {
        lock (_gate)
        {
            if (!_blobs.ContainsKey(hash)) return false;
            _blobUse[hash] = DateTime.UtcNow;
            return true;
        }
    }

    /// <summary>Adds a chunk; once all are in, verifies the blob against its name and keeps it.</summary>
    public void PutChunk(string hash, int index, int count, byte[] chunk)
    {
        byte[]?[] parts;
        lock (_gate)
        {
            if (_blobs.ContainsKey(hash))
                return;
            if (!_partial.TryGetValue(hash, out parts!) || parts.Length != count)
                _partial[hash] = parts = new byte[]?[count];
            parts[index] = chunk;
            if (parts.Any(p => p is null))
                return;
            _partial.Remove(hash);
        }
        var blob = parts.SelectMany(p => p!).ToArray();
        if (WorkCodec.Hash(blob) != hash)
            throw new InvalidDataException($"blob {hash[..12]} arrived damaged (its bytes do not hash to its name)");
        lock (_gate)
        {
            if (_blobs.TryAdd(hash, blob))
                _blobBytes += blob.Length;
            _blobUse[hash] = DateTime.UtcNow;
            Evict(hash);
            PeakBlobBytes = Math.Max(PeakBlobBytes, _blobBytes);
        }
    }

    /// <summary>The decoded work and strategies of a (data, plan) pair, decoded once.</summary>
    public (FoldWork Work, List<IFusionStrategy> Strategies) Decoded(string data, string plan, string worker)
    {
        Lazy<(FoldWork, List<IFusionStrategy>)> decoded;
        lock (_gate)
        {
            if (!_decoded.TryGetValue((data, plan), out decoded!))
            {
                if (!_blobs.TryGetValue(data, out var dataBlob) || !_blobs.TryGetValue(plan, out var planBlob))
                    throw new InvalidOperationException($"worker '{worker}' {MissingBlobs} of this job (dropped, or never shipped)");
                decoded = new Lazy<(FoldWork, List<IFusionStrategy>)>(() =>
                {
                    var (work, recipeJson) = WorkCodec.Decode(dataBlob, planBlob);
                    return (work, StrategyRecipe.FromJson(recipeJson).Create());
                });
                _decoded[(data, plan)] = decoded;
            }
            _blobUse[data] = _blobUse[plan] = DateTime.UtcNow;
        }
        return decoded.Value;
    }

    /// <summary>Renews the client's lease and returns the token that is cancelled when it runs out.</summary>
    public CancellationToken Lease(Guid client)
    {
        lock (_gate)
        {
            var cancel = _leases.TryGetValue(client, out var lease) ? lease.Cancel : new CancellationTokenSource();
            _leases[client] = (DateTime.UtcNow, cancel);
            return cancel.Token;
        }
    }

    /// <summary>Drops the queued jobs of clients that stopped renewing (a running fold finishes; its answer goes nowhere).</summary>
    private void ExpireLeases()
    {
        List<CancellationTokenSource> expired;
        lock (_gate)
        {
            var old = _leases.Where(l => DateTime.UtcNow - l.Value.Renewed > _settings.Lease).ToList();
            foreach (var (client, _) in old) _leases.Remove(client);
            expired = old.Select(l => l.Value.Cancel).ToList();
        }
        foreach (var cancel in expired) cancel.Cancel();
    }

    /// <summary>Keeps the most recently used blobs: at most <see cref="WorkerSettings.MaxDatasets"/> data blobs and their
    /// plans, and at most <see cref="WorkerSettings.MaxBlobBytes"/> bytes (the blob just completed stays). A job whose blob
    /// was dropped answers that it is missing, and its client ships it again.</summary>
    private void Evict(string keep)
    {
        var limit = Math.Max(1, _settings.MaxDatasets) * 4;
        var byAge = _blobUse.OrderByDescending(u => u.Value).Select(u => u.Key).Where(h => h != keep).ToList();
        var drop = byAge.Skip(limit - 1).ToList();
        var held = _blobBytes - drop.Sum(h => (long)_blobs[h].Length);
        foreach (var hash in byAge.Take(limit - 1).Reverse())
        {
            if (held <= _settings.MaxBlobBytes) break;
            drop.Add(hash);
            held -= _blobs[hash].Length;
        }
        foreach (var hash in drop)
        {
            if (_blobs.Remove(hash, out var blob))
                _blobBytes -= blob.Length;
            _blobUse.Remove(hash);
            foreach (var key in _decoded.Keys.Where(k => k.Data == hash || k.Plan == hash).ToList())
                _decoded.Remove(key);
        }
    }

    public void Dispose() => _expiry.Dispose();
}
