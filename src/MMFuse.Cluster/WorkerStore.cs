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
    private readonly WorkerSettings _settings;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, byte[]?[]> _partial = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> _blobUse = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Data, string Plan), Lazy<(FoldWork Work, List<IFusionStrategy> Strategies)>> _decoded = [];
    private readonly Dictionary<Guid, (DateTime Renewed, CancellationTokenSource Cancel)> _leases = [];
    private readonly Timer _expiry;

    public WorkerStore(WorkerSettings settings)
    {
        _settings = settings;
        Slots = new SemaphoreSlim(Math.Max(1, settings.Threads));
        _expiry = new Timer(_ => ExpireLeases(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>One slot per job computing at once.</summary>
    public SemaphoreSlim Slots { get; }

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
            _blobs[hash] = blob;
            _blobUse[hash] = DateTime.UtcNow;
            Evict();
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
                    throw new InvalidOperationException($"worker '{worker}' does not hold the blobs of this job (dropped, or never shipped)");
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

    /// <summary>Keeps the most recently used blobs: at most <see cref="WorkerSettings.MaxDatasets"/> data blobs and their plans.</summary>
    private void Evict()
    {
        var limit = Math.Max(1, _settings.MaxDatasets) * 4;
        foreach (var hash in _blobUse.OrderByDescending(u => u.Value).Skip(limit).Select(u => u.Key).ToList())
        {
            _blobs.Remove(hash);
            _blobUse.Remove(hash);
            foreach (var key in _decoded.Keys.Where(k => k.Data == hash || k.Plan == hash).ToList())
                _decoded.Remove(key);
        }
    }

    public void Dispose() => _expiry.Dispose();
}
