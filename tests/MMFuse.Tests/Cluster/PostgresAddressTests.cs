using MMFuse.Cluster;
using MMFuse.Data;

namespace MMFuse.Tests.Cluster;

/// <summary><c>postgres://</c> cluster addresses: their parts, defaults, rejections, and a password that never shows.</summary>
public sealed class PostgresAddressTests
{
    [Fact]
    public void Parses_user_password_host_port_and_database()
    {
        var address = ClusterAddress.Parse("postgres://orleans:p%40ss%3Aword@db.example.org:6543/mmfuse_cluster");
        Assert.Equal(new PostgresAddress("db.example.org", 6543, "mmfuse_cluster", "orleans", "p@ss:word"), address.Postgres);
        Assert.False(address.IsLocalhost);
        Assert.Null(address.Redis);
        Assert.Equal("postgres://orleans:***@db.example.org:6543/mmfuse_cluster", address.Uri);
    }

    [Fact]
    public void Port_defaults_to_5432_and_the_password_to_the_driver_lookup()
    {
        var address = PostgresAddress.Parse("postgresql://worker@10.0.0.5/members");
        Assert.Equal(PostgresAddress.DefaultPort, address.Port);
        Assert.Null(address.Password);
        Assert.DoesNotContain("Password", address.ConnectionString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("postgres://worker@10.0.0.5:5432/members", address.ToString());
    }

    [Fact]
    public void The_connection_string_carries_every_part_and_a_bounded_connect_timeout()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgresAddress.Parse("postgres://u:pw@h:1234/d").ConnectionString);
        Assert.Equal(("h", 1234, "d", "u", "pw"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal(PostgresAddress.ConnectTimeoutSeconds, builder.Timeout);
    }

    [Theory]
    [InlineData("postgres://user:hunter2-secret@/db", "is not a postgres://")]
    [InlineData("postgres://:hunter2-secret@host/db", "no user")]
    [InlineData("postgres://user:hunter2-secret@host", "no database")]
    [InlineData("postgres://user:hunter2-secret@host/db/extra", "no database")]
    [InlineData("postgres://user:hunter2-secret@host/db?sslmode=require", "not supported")]
    [InlineData("postgres://user:hunter2-secret@host:notaport/db", "is not a postgres://")]
    [InlineData("mysql://user:hunter2-secret@host/db", "is not a cluster address")]
    public void Rejects_malformed_addresses_naming_the_problem_but_not_the_password(string uri, string problem)
    {
        var error = Assert.Throws<MMFuseInputException>(() => ClusterAddress.Parse(uri));
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void The_schema_script_defines_every_query_the_provider_requires()
    {
        // The provider refuses to start unless OrleansQuery holds each of these keys.
        string[] keys = ["GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey", "UpdateIAmAlivetimeKey",
            "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey"];
        var script = string.Join("\n", PostgresMembership.Statements);
        Assert.All(keys, key => Assert.Contains($"('{key}', '", script));
        Assert.DoesNotContain(PostgresMembership.Statements, s => s.TrimStart().StartsWith("--", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_database_is_a_clear_error_that_hides_the_password()
    {
        var uri = $"postgres://mmfuse:hunter2-secret@127.0.0.1:{KilledWorkerScenario.FreePort()}/mmfuse";
        var error = await Assert.ThrowsAsync<MMFuseInputException>(() => ClusterConnection.ConnectAsync(uri));
        Assert.Contains("PostgreSQL membership database is not usable", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        var worker = await Assert.ThrowsAsync<MMFuseInputException>(() =>
            WorkerHost.RunAsync(new WorkerOptions(uri), TextWriter.Null, CancellationToken.None));
        Assert.Contains("postgres://mmfuse:***@127.0.0.1", worker.Message);
    }
}
