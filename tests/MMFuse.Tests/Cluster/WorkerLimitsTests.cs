using Microsoft.Extensions.DependencyInjection;
using MMFuse.Cluster;
using MMFuse.Data;
using MMFuse.Features.Extraction;
using Orleans.TestingHost;

namespace MMFuse.Tests.Cluster;

/// <summary>
/// A worker's bounds, on a real one-silo Orleans cluster in this process: a client that stops renewing its lease loses
/// its queued jobs (a live client keeps its own), and however many jobs queue, at most <c>Threads</c> compute at once
/// and the blobs held stay under <see cref="WorkerSettings.MaxBlobBytes"/>.
/// </summary>
public sealed class WorkerLimitsTests
{
    [Fact]
    public async Task A_client_that_stops_renewing_loses_its_queued_jobs_and_a_live_client_keeps_its_own()
    {
        await using var cluster = await Start(new WorkerSettings { Threads = 1, Lease = TimeSpan.FromSeconds(4) });
        var (worker, store) = Worker(cluster);
        var clips = Clips(2);
        var (dead, live) = (Guid.NewGuid(), Guid.NewGuid());
        var deadRequest = await Ship(worker, clips[0], dead);
        var liveRequest = await Ship(worker, clips[1], live);

        await store.Slots.WaitAsync(); // the test holds the worker's only thread: both jobs queue
        var deadJob = worker.Extract(deadRequest);
        var liveJob = worker.Extract(liveRequest);
        using var stop = new CancellationTokenSource();
        var renewals = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await worker.Renew(live);
                await Task.Delay(200);
            }
        });

        // The silent client's job is dropped once its lease runs out (the wait is generous; the lease is 4 s).
        var dropped = await Assert.ThrowsAnyAsync<Exception>(() => deadJob.WaitAsync(TimeSpan.FromSeconds(90)));
        Assert.IsNotType<TimeoutException>(dropped);
        Assert.False(liveJob.IsCompleted, "the live client's job should still be waiting for the thread");

        store.Slots.Release();
        var result = await liveJob.WaitAsync(TimeSpan.FromSeconds(90));
        Assert.Null(result.Error);
        Assert.NotNull(result.Vectors[0]);
        stop.Cancel();
        await renewals;
    }

    [Fact]
    public async Task However_many_jobs_queue_a_worker_computes_at_most_its_threads_and_holds_at_most_its_blob_bound()
    {
        var clips = Clips(24);
        var bound = clips.Take(4).Sum(c => (long)c.Length);
        await using var cluster = await Start(new WorkerSettings { Threads = 2, MaxBlobBytes = bound });
        var (worker, store) = Worker(cluster);
        var client = Guid.NewGuid();
        var requests = new List<ShardRequest>();
        foreach (var clip in clips)
            requests.Add(await Ship(worker, clip, client));

        var answers = await Task.WhenAll(requests.Select(async r =>
        {
            try { return (await worker.Extract(r)).Vectors[0] is not null; }
            catch (Exception ex) when (ex.Message.Contains("does not hold the blobs", StringComparison.Ordinal)) { return false; }
        }));

        Assert.InRange(store.PeakRunning, 1, 2);
        Assert.InRange(store.PeakBlobBytes, 1, bound);
        Assert.Contains(true, answers);   // the blobs still held were computed
        Assert.Contains(false, answers);  // the oldest were dropped to stay under the bound (a client ships those again)
        Assert.Equal(0, store.BlobBytes); // a shard's media is dropped once used
    }

    private static async Task<InProcessTestCluster> Start(WorkerSettings settings)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddMMFuseWorker(settings));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static (IWorkerGrain Worker, WorkerStore Store) Worker(InProcessTestCluster cluster) =>
        (cluster.Client.GetGrain<IWorkerGrain>(cluster.Silos[0].Name), cluster.Silos[0].ServiceProvider.GetRequiredService<WorkerStore>());

    /// <summary>Distinct clips of the avdigits sample.</summary>
    private static byte[][] Clips(int count) =>
        File.ReadLines(ClusterTestData.Manifest).Skip(1).Take(count)
            .Select(l => File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(ClusterTestData.Manifest)!, l.Split(',')[2]))).ToArray();

    /// <summary>Ships one clip as a shard's streamed media and returns the shard's request.</summary>
    private static async Task<ShardRequest> Ship(IWorkerGrain worker, byte[] clip, Guid client)
    {
        using var extractor = ContentExtractor.Create(ColumnRole.Audio, "logmel-grid");
        var spec = new ShardExtractor(ColumnRole.Audio, "logmel-grid", long.MaxValue, double.PositiveInfinity, 32,
            ShardExtractor.Describe(extractor.Signature), extractor.Signature.Dimension);
        var hash = WorkCodec.Hash(clip);
        await worker.PutChunk(hash, 0, 1, clip);
        return new ShardRequest(hash, client, spec, [hash], PayloadHash: hash, Lengths: [clip.Length]);
    }
}
