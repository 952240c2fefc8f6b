using MMFuse.Tests.Cli;
using Xunit.Abstractions;

namespace MMFuse.Tests.Cluster;

/// <summary>
/// End to end with real processes on PostgreSQL membership: a private server (skipped, with the reason, where one cannot
/// start), an empty database the first worker prepares, the killed-worker scenario (the second worker logs in with
/// PGPASSWORD rather than a password in the address), and then a cluster whose every worker died: a fresh worker still
/// joins past the dead rows and serves a run.
/// </summary>
public sealed class PostgresWorkerProcessTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Two_workers_one_killed_give_the_local_leaderboard_and_dead_rows_do_not_block_a_new_worker()
    {
        using var server = PostgresServer.TryStart(out var reason);
        Skip.If(server is null, reason);
        using var dir = new TempDirectory();
        var survivor = await KilledWorkerScenario.Run(server.Uri, dir, output, server.UriWithoutPassword,
            new Dictionary<string, string> { ["PGPASSWORD"] = PostgresServer.Password });
        using (survivor)
        {
            Assert.Contains("postgres://mmfuse:***@127.0.0.1", survivor.Output);
            Assert.DoesNotContain(PostgresServer.Password, survivor.Output);
            survivor.Kill();
        }
        // Both workers are gone without a goodbye; their rows stay in the table. A new worker joins all the same.
        Assert.True(Convert.ToInt64(server.Scalar("SELECT count(*) FROM mmfuse_membership")) >= 2);
        using var fresh = ChildProcess.Mmfuse("worker", "--cluster", server.Uri, "--threads", "2", "--name", $"e2e-c-{Environment.ProcessId}");
        Assert.True(await fresh.WaitForLine(l => l.Contains("ready"), TimeSpan.FromSeconds(60)), fresh.Output);
        var compare = KilledWorkerScenario.Compare(dir, "early/logreg");
        var local = CliRunner.Run([.. compare, "--json", dir.File("local-again.json")]);
        Assert.True(local.Code == 0, local.Err);
        using var client = ChildProcess.Mmfuse([.. compare, "--cluster", server.Uri, "--json", dir.File("cluster-again.json")]);
        Assert.True(await client.WaitForExit(TimeSpan.FromSeconds(90)), client.Output);
        Assert.True(client.ExitCode == 0, client.Output);
        Assert.Equal(KilledWorkerScenario.WithoutTimings(dir.File("local-again.json")), KilledWorkerScenario.WithoutTimings(dir.File("cluster-again.json")));
    }
}
