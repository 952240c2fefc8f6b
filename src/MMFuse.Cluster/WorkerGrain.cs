using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Evaluation;
using Orleans.Concurrency;
using Orleans.Placement;

namespace MMFuse.Cluster;

/// <summary>
/// The worker on one silo. Reentrant: blob uploads, lease renewals and many queued jobs interleave, while the jobs'
/// computation (folds and extraction shards alike) runs on the thread pool, at most <see cref="WorkerSettings.Threads"/> at once. Its state lives in the
/// silo's <see cref="WorkerStore"/>, so a fresh activation on the same silo finds it.
/// </summary>
[Reentrant]
[PreferLocalPlacement]
[CollectionAgeLimit(AlwaysActive = true)]
internal sealed class WorkerGrain(ILocalSiloDetails silo, WorkerSettings settings, WorkerStore store, WorkerExtraction extraction) : Grain, IWorkerGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Placed by the silo's own start-up call; an activation elsewhere (after its silo died) must not pose as it.
        if (this.GetPrimaryKeyString() != silo.Name)
            throw new InvalidOperationException($"worker '{this.GetPrimaryKeyString()}' is not running (this is silo '{silo.Name}')");
        return Task.CompletedTask;
    }

    public Task<WorkerInfo> Hello() => Task.FromResult(new WorkerInfo(silo.Name, settings.Version, settings.Threads, Environment.MachineName));

    public Task<bool> HasBlob(string hash) => Task.FromResult(store.HasBlob(hash));

    public Task PutChunk(string hash, int index, int count, byte[] chunk)
    {
        store.PutChunk(hash, index, count, chunk);
        return Task.CompletedTask;
    }

    public Task Renew(Guid clientId)
    {
        store.Lease(clientId);
        return Task.CompletedTask;
    }

    public Task<JobResult> Run(JobRequest job) => store.InSlot(job.ClientId, () =>
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var (work, strategies) = store.Decoded(job.DataHash, job.PlanHash, silo.Name);
            var outcome = CrossValidator.RunFold(work, strategies[job.Strategy], job.Fold);
            return new JobResult(job.JobId, silo.Name, new Dictionary<string, double>(outcome.Scores), outcome.Predictions, outcome.Subsets, outcome.Seconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !ex.Message.Contains(WorkerStore.MissingBlobs, StringComparison.Ordinal))
        {
            var inner = ex is AggregateException a ? a.Flatten().InnerException ?? ex : ex;
            return new JobResult(job.JobId, silo.Name, [], [], null, clock.Elapsed.TotalSeconds, inner.Message, inner is MMFuseInputException);
        }
    });

    public Task<ShardResult> Extract(ShardRequest shard) => store.InSlot(shard.ClientId, () => extraction.Run(shard, silo.Name));
}
