using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using MMFuse.Tests.Cli;
using Xunit.Abstractions;

namespace MMFuse.Tests.Cluster;

/// <summary>
/// The end-to-end fault scenario with real processes, whatever holds the membership: two <c>mmfuse worker</c> processes
/// join the cluster, an <c>mmfuse compare --cluster</c> client spreads three strategies over them, the second worker is
/// <c>kill -9</c>'d once the first strategy is done, and the leaderboard JSON still equals the local run's, timings aside,
/// with every job counted once.
/// </summary>
internal static class KilledWorkerScenario
{
    private const string Strategies = "early/logreg,late/logreg,joint-concat";

    /// <summary>Runs the scenario on <paramref name="cluster"/>; <paramref name="secondWorkerEnvironment"/> is added to the
    /// second worker's environment (a password given as PGPASSWORD rather than in the address).</summary>
    /// <returns>The first worker, still running, for callers that go on with the cluster.</returns>
    public static async Task<ChildProcess> Run(string cluster, TempDirectory dir, ITestOutputHelper output, string? secondWorkerCluster = null,
        IReadOnlyDictionary<string, string>? secondWorkerEnvironment = null)
    {
        string[] common = Compare(dir);
        var local = CliRunner.Run([.. common, "--json", dir.File("local.json")]);
        Assert.True(local.Code == 0, local.Err);

        var suffix = Environment.ProcessId;
        var first = ChildProcess.Mmfuse("worker", "--cluster", cluster, "--threads", "1", "--name", $"e2e-a-{suffix}");
        try
        {
            Assert.True(await first.WaitForLine(l => l.Contains("ready"), TimeSpan.FromSeconds(60)), first.Output);
            using var second = ChildProcess.MmfuseWith(secondWorkerEnvironment ?? new Dictionary<string, string>(),
                "worker", "--cluster", secondWorkerCluster ?? cluster, "--threads", "1", "--name", $"e2e-b-{suffix}");
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
            return first;
        }
        catch
        {
            first.Dispose();
            throw;
        }
    }

    /// <summary>The scenario's compare command line (its three strategies unless <paramref name="strategies"/> says), without --json and --cluster.</summary>
    public static string[] Compare(TempDirectory dir, string strategies = Strategies) =>
        ["compare", ClusterTestData.Manifest, "--label", "digit", "--strategies", strategies, "--epochs", "5", "--cv", ClusterTestData.Folds.ToString(), "--cache", dir.File("cache")];

    /// <summary>The leaderboard JSON with every "seconds" entry (the only timings) removed.</summary>
    public static string WithoutTimings(string path)
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
