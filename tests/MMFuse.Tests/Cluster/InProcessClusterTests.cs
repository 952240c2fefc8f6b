using MMFuse.Cluster;
using Orleans.TestingHost;

namespace MMFuse.Tests.Cluster;

/// <summary>
/// A real Orleans cluster of three silos in this process (Microsoft.Orleans.TestingHost), each an MMFuse worker with
/// one thread: a distributed comparison equals the local one bit for bit, also when a silo is killed mid-run.
/// </summary>
public sealed class InProcessClusterTests
{
    [Fact]
    public async Task Distributed_compare_equals_local_compare_and_survives_a_silo_killed_mid_run()
    {
        using var dir = new TempDirectory();
        var data = ClusterTestData.Load(dir);
        var split = Split.StratifiedKFold(ClusterTestData.Folds);
        var options = new EvaluationOptions { Seed = 7 };
        var local = data.Compare(StrategyCatalog.Create(ClusterTestData.Names, ClusterTestData.Learner, data.Modalities, ClusterTestData.Settings), split, options);

        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) => silo.AddMMFuseWorker(new WorkerSettings { Threads = 1 }));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var runner = new ClusterFoldRunner(cluster.Client, ClusterTestData.Recipe(data));
        var distributed = data.Compare(runner.Strategies, split, options with { Runner = runner });
        Assert.Equal(ClusterTestData.Fingerprint(local), ClusterTestData.Fingerprint(distributed));
        Assert.Equal(3 * ClusterTestData.Folds, runner.Log.Jobs.Count(j => j.Counted));
        Assert.Equal(3, runner.Log.Jobs.Select(j => j.Worker).Distinct().Count());
        Assert.All(runner.Log.BytesShipped.Values, b => Assert.True(b > 0));
        // The winner trains into the very same model file whichever way it was chosen (its creation time aside).
        using (var fromLocal = data.Train(local.Best, options)) fromLocal.Save(dir.File("local.mmf"));
        using (var fromCluster = data.Train(distributed.Best, options)) fromCluster.Save(dir.File("cluster.mmf"));
        Assert.Equal(ClusterTestData.ModelContent(dir.File("local.mmf")), ClusterTestData.ModelContent(dir.File("cluster.mmf")));

        // Again, killing a secondary silo (abruptly, no goodbye) once jobs are flowing: its jobs move to the others.
        var faulty = new ClusterFoldRunner(cluster.Client, ClusterTestData.Recipe(data), new ClusterRunOptions { Heartbeat = TimeSpan.FromSeconds(1) });
        var run = Task.Run(() => data.Compare(faulty.Strategies, split, options with { Runner = faulty }));
        var victim = cluster.Silos[2];
        while (!faulty.Log.Jobs.Any(j => j.Worker == victim.Name) && !run.IsCompleted)
            await Task.Delay(50);
        Assert.False(run.IsCompleted, "the run ended before the silo could be killed");
        await cluster.KillSiloAsync(victim);
        var survived = await run.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(ClusterTestData.Fingerprint(local), ClusterTestData.Fingerprint(survived));
        Assert.Equal(3 * ClusterTestData.Folds, faulty.Log.Jobs.Count(j => j.Counted));
    }

    [Fact]
    public async Task A_worker_of_another_version_is_refused_and_a_cluster_without_usable_workers_fails_clearly()
    {
        using var dir = new TempDirectory();
        var data = ClusterTestData.Load(dir);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddMMFuseWorker(new WorkerSettings { Threads = 1, Version = "MMFuse 0.0.1; jobs 0" }));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var notes = new List<string>();
        var runner = new ClusterFoldRunner(cluster.Client, ClusterTestData.Recipe(data),
            new ClusterRunOptions { NoWorkerTimeout = TimeSpan.FromSeconds(3), Heartbeat = TimeSpan.FromMilliseconds(500) },
            new SyncProgress(p => { if (p is ProgressNote n) lock (notes) notes.Add(n.Message); }));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<MMFuse.Data.MMFuseInputException>(() =>
            data.Compare(runner.Strategies, Split.StratifiedKFold(ClusterTestData.Folds), new EvaluationOptions { Runner = runner }));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Contains("no usable MMFuse worker", error.Message);
        Assert.Contains("MMFuse 0.0.1", error.Message);
        lock (notes)
            Assert.Contains(notes, n => n.Contains("not used (results are never mixed across versions)"));
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to a synchronisation context).</summary>
    private sealed class SyncProgress(Action<MMFuseProgress> report) : IProgress<MMFuseProgress>
    {
        public void Report(MMFuseProgress value) => report(value);
    }
}
