using MMFuse.Tests.Cli;
using Xunit.Abstractions;

namespace MMFuse.Tests.Cluster;

/// <summary>
/// End to end with real processes: Redis membership (redis-server, when it can start; localhost clustering otherwise),
/// two <c>mmfuse worker</c> processes and an <c>mmfuse compare --cluster</c> client; one worker is <c>kill -9</c>'d
/// mid-run and the leaderboard JSON still equals the local run's, timings aside.
/// </summary>
public sealed class WorkerProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_workers_one_killed_mid_run_give_the_local_leaderboard()
    {
        using var dir = new TempDirectory();
        using var redis = StartRedis(out var cluster);
        output.WriteLine($"membership: {cluster}");
        using var survivor = await KilledWorkerScenario.Run(cluster, dir, output);
    }

    [Fact]
    public async Task No_reachable_worker_is_a_clear_error_within_15_seconds()
    {
        using var dir = new TempDirectory();
        // A Redis address where nothing listens: the client gives up after its connection timeout (10 s).
        var address = $"redis://127.0.0.1:{KilledWorkerScenario.FreePort()}";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<MMFuse.Data.MMFuseInputException>(() => MMFuse.Cluster.ClusterConnection.ConnectAsync(address));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(16), $"took {clock.Elapsed}");
        Assert.Contains("no MMFuse worker is reachable", error.Message);
        // The command line says so and exits with 2 (bad input), after extracting the features (not timed: load-dependent).
        var (code, _, err) = CliRunner.Run("compare", ClusterTestData.Manifest, "--label", "digit", "--strategies", "early/logreg", "--cache", dir.File("cache"),
            "--cluster", address);
        Assert.Equal(2, code);
        Assert.Contains("no MMFuse worker is reachable", err);
    }

    /// <summary>redis-server on a free loopback port when it is installed and starts; otherwise localhost clustering.</summary>
    private ChildProcess? StartRedis(out string cluster)
    {
        cluster = "localhost";
        var server = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
        if (server is null)
        {
            output.WriteLine("redis-server is not installed (.ci/run installs it): using localhost clustering");
            return null;
        }
        var port = KilledWorkerScenario.FreePort();
        var redis = new ChildProcess(server, "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
        if (!redis.WaitForLine(l => l.Contains("Ready to accept connections"), TimeSpan.FromSeconds(10)).GetAwaiter().GetResult())
        {
            output.WriteLine("redis-server did not start: using localhost clustering\n" + redis.Output);
            redis.Dispose();
            return null;
        }
        cluster = $"redis://127.0.0.1:{port}";
        return redis;
    }
}
