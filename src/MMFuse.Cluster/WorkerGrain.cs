using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Jobs;
using MMFuse.Fusion;
using Orleans.Concurrency;
using Orleans.Placement;

namespace MMFuse.Cluster;

/// <summary>
/// The worker on one silo. Reentrant: blob uploads, lease renewals and many queued jobs interleave, while the jobs'
/// computation runs on the thread pool, at most <see cref="WorkerSettings.Threads"/> at once. Grain state is touched
/// only between awaits (Orleans runs a grain's turns one at a time), so it needs no locks.
/// </summary>
[Reentrant]
[PreferLocalPlacement]
[CollectionAgeLimit(AlwaysActive = true)]
internal sealed class WorkerGrain(ILocalSiloDetails silo, WorkerSettings settings) : Grain, IWorkerGrain
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, settings.Threads));
    private readonly Dictionary<string, byte[]?[]> _partial = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> _blobUse = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Data, string Plan), (FoldWork Work, List<IFusionStrategy> Strategies)> _decoded = [];
    private readonly Dictionary<Guid, (DateTime Renewed, CancellationTokenSource Cancel)> _leases = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Placed by the silo's own start-up call; an activation elsewhere (after its silo died) must not pose as it.
        if (this.GetPrimaryKeyString() != silo.Name)
            throw new InvalidOperationException($"worker '{this.GetPrimaryKeyString()}' is not running (this is silo '{silo.Name}')");
        this.RegisterGrainTimer(ExpireLeases, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    public Task<WorkerInfo> Hello() => Task.FromResult(new WorkerInfo(silo.Name, settings.Version, settings.Threads, Environment.MachineName));

    public Task<bool> HasBlob(string hash)
    {
        var has = _blobs.ContainsKey(hash);
        if (has) _blobUse[hash] = DateTime.UtcNow;
        return Task.FromResult(has);
    }

    public Task PutChunk(string hash, int index, int count, byte[] chunk)
    {
        if (_blobs.ContainsKey(hash))
            return Task.CompletedTask;
        if (!_partial.TryGetValue(hash, out var parts) || parts.Length != count)
            _partial[hash] = parts = new byte[]?[count];
        parts[index] = chunk;
        if (parts.Any(p => p is null))
            return Task.CompletedTask;
        _partial.Remove(hash);
        var blob = parts.SelectMany(p => p!).ToArray();
        if (WorkCodec.Hash(blob) != hash)
            throw new InvalidDataException($"blob {hash[..12]} arrived damaged (its bytes do not hash to its name)");
        _blobs[hash] = blob;
        _blobUse[hash] = DateTime.UtcNow;
        Evict();
        return Task.CompletedTask;
    }

    public Task Renew(Guid clientId)
    {
        Lease(clientId);
        return Task.CompletedTask;
    }

    public async Task<JobResult> Run(JobRequest job)
    {
        var cancel = Lease(job.ClientId).Token;
        await _slots.WaitAsync(cancel);
        try
        {
            var (work, strategies) = Decoded(job.DataHash, job.PlanHash);
            var clock = Stopwatch.StartNew();
            try
            {
                // Off the grain's scheduler: a fold trains for seconds to minutes and must not hold up renewals or uploads.
                var outcome = await Task.Run(() => CrossValidator.RunFold(work, strategies[job.Strategy], job.Fold), cancel);
                return new JobResult(job.JobId, silo.Name, new Dictionary<string, double>(outcome.Scores), outcome.Predictions, outcome.Subsets,
                    outcome.Seconds);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var inner = ex is AggregateException a ? a.Flatten().InnerException ?? ex : ex;
                return new JobResult(job.JobId, silo.Name, [], [], null, clock.Elapsed.TotalSeconds, inner.Message, inner is MMFuseInputException);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private (FoldWork Work, List<IFusionStrategy> Strategies) Decoded(string data, string plan)
    {
        if (_decoded.TryGetValue((data, plan), out var decoded))
            return decoded;
        if (!_blobs.TryGetValue(data, out var dataBlob) || !_blobs.TryGetValue(plan, out var planBlob))
            throw new InvalidOperationException($"worker '{silo.Name}' does not hold the blobs of this job (dropped, or never shipped)");
        _blobUse[data] = _blobUse[plan] = DateTime.UtcNow;
        var (work, recipeJson) = WorkCodec.Decode(dataBlob, planBlob);
        decoded = (work, StrategyRecipe.FromJson(recipeJson).Create());
        _decoded[(data, plan)] = decoded;
        return decoded;
    }

    private CancellationTokenSource Lease(Guid client)
    {
        var cancel = _leases.TryGetValue(client, out var lease) ? lease.Cancel : new CancellationTokenSource();
        _leases[client] = (DateTime.UtcNow, cancel);
        return cancel;
    }

    /// <summary>Drops the queued jobs of clients that stopped renewing (a running fold finishes; its answer goes nowhere).</summary>
    private Task ExpireLeases(CancellationToken _)
    {
        foreach (var (client, lease) in _leases.Where(l => DateTime.UtcNow - l.Value.Renewed > settings.Lease).ToList())
        {
            lease.Cancel.Cancel();
            _leases.Remove(client);
        }
        return Task.CompletedTask;
    }

    /// <summary>Keeps the most recently used blobs within <see cref="WorkerSettings.MaxDatasets"/> data blobs (and their plans).</summary>
    private void Evict()
    {
        var limit = Math.Max(1, settings.MaxDatasets) * 4;
        foreach (var hash in _blobUse.OrderByDescending(u => u.Value).Skip(limit).Select(u => u.Key).ToList())
        {
            _blobs.Remove(hash);
            _blobUse.Remove(hash);
            foreach (var key in _decoded.Keys.Where(k => k.Data == hash || k.Plan == hash).ToList())
                _decoded.Remove(key);
        }
    }
}
