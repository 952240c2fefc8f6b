using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
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
    private const string Strategies = "early/logreg,late/logreg,joint-concat";

    [Fact]
    public async Task Two_workers_one_killed_mid_run_give_the_local_leaderboard()
    {
        using var dir = new TempDirectory();
        using var redis = StartRedis(out var cluster);
        output.WriteLine($"membership: {cluster}");
        string[] common = ["compare", ClusterTestData.Manifest, "--label", "digit", "--strategies", Strategies, "--epochs", "5", "--cv", ClusterTestData.Folds.ToString(), "--cache", dir.File("cache")];
        var local = CliRunner.Run([.. common, "--json", dir.File("local.json")]);
        Assert.True(local.Code == 0, local.Err);

        var suffix = Environment.ProcessId;
        using var first = ChildProcess.Mmfuse("worker", "--cluster", cluster, "--threads", "1", "--name", $"e2e-a-{suffix}");
        Assert.True(await first.WaitForLine(l => l.Contains("ready"), TimeSpan.FromSeconds(60)), first.Output);
        using var second = ChildProcess.Mmfuse("worker", "--cluster", cluster, "--threads", "1", "--name", $"e2e-b-{suffix}");
        Assert.True(await second.WaitForLine(l => l.Contains("ready"), TimeSpan.FromSeconds(60)), second.Output);

        using var client = ChildProcess.Mmfuse([.. common, "--cluster", cluster, "--json", dir.File("cluster.json"), "--cluster-log", dir.File("log.json")]);
        // Once the first strategy is done, both workers are busy with the next one's folds: kill the second, no goodbye.
        Assert.True(await client.WaitForLine(l => l.StartsWith("done ", StringComparison.Ordinal), TimeSpan.FromSeconds(120)), client.Output);
        second.Kill();
        Assert.True(await client.WaitForExit(TimeSpan.FromSeconds(120)), client.Output);
        output.WriteLine(client.Output);
        Assert.True(client.ExitCode == 0, client.Output);

        Assert.Equal(WithoutTimings(dir.File("local.json")), WithoutTimings(dir.File("cluster.json")));
        var log = JsonNode.Parse(File.ReadAllText(dir.File("log.json")))!;
        var counted = log["jobs"]!.AsArray().Where(j => (bool)j!["counted"]!).ToList();
        Assert.Equal(3 * ClusterTestData.Folds, counted.Count);
        Assert.Equal(3 * ClusterTestData.Folds, counted.Select(j => $"{j!["strategy"]}/{j["fold"]}").Distinct().Count());
        Assert.Contains(counted, j => (string)j!["worker"]! == $"e2e-a-{suffix}");
    }

    [Fact]
    public async Task No_reachable_worker_is_a_clear_error_within_15_seconds()
    {
        using var dir = new TempDirectory();
        // A Redis address where nothing listens: the client gives up after its connection timeout (10 s).
        var address = $"redis://127.0.0.1:{FreePort()}";
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

    /// <summary>The leaderboard JSON with every "seconds" entry (the only timings) removed.</summary>
    private static string WithoutTimings(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        Strip(node);
        return node.ToJsonString();

        static void Strip(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                o.Remove("seconds");
                foreach (var (_, child) in o) Strip(child);
            }
            else if (n is JsonArray a)
                foreach (var child in a) Strip(child);
        }
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
        var port = FreePort();
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
