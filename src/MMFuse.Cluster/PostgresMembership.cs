using System.Net.Sockets;
using MMFuse.Data;
using Npgsql;

namespace MMFuse.Cluster;

/// <summary>
/// The PostgreSQL side of <c>postgres://</c> membership: a worker installs MMFuse's schema and query texts
/// (<c>PostgresMembership.sql</c>, embedded) into the database before its silo joins; a client checks that the database
/// answers and holds them. Failures become <see cref="MMFuseInputException"/>s naming the address without its password.
/// </summary>
public static class PostgresMembership
{
    /// <summary>The advisory lock that serialises schema installs by workers starting at the same moment.</summary>
    private const long InstallLock = 0x4D4D467573650001; // "MMFuse" + 1

    /// <summary>The statements of the embedded schema script, in order, comment lines removed.</summary>
    public static IReadOnlyList<string> Statements { get; } = LoadStatements();

    /// <summary>Creates the membership tables and the provider's query texts when missing (and refreshes the texts),
    /// in one transaction under an advisory lock: idempotent, and safe for workers that start together.</summary>
    /// <exception cref="MMFuseInputException">The database cannot be reached, refuses the login, or the role may not create tables.</exception>
    public static async Task InstallAsync(PostgresAddress address, CancellationToken cancel = default)
    {
        await Run(address, async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);
            await Execute(connection, $"SELECT pg_advisory_xact_lock({InstallLock})", cancel).ConfigureAwait(false);
            foreach (var statement in Statements)
                await Execute(connection, statement, cancel).ConfigureAwait(false);
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
        }, cancel).ConfigureAwait(false);
    }

    /// <summary>Checks that the database answers and holds the query texts a worker installs.</summary>
    /// <exception cref="MMFuseInputException">Unreachable, login refused, or no worker has prepared the database yet.</exception>
    public static async Task CheckAsync(PostgresAddress address, CancellationToken cancel = default)
    {
        await Run(address, async connection =>
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansQuery", connection);
            try
            {
                await command.ExecuteScalarAsync(cancel).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                throw new MMFuseInputException($"cluster {address}: the database has no MMFuse membership tables yet; "
                    + $"start a worker first (`mmfuse worker --cluster {address}` creates them)");
            }
        }, cancel).ConfigureAwait(false);
    }

    private static async Task Run(PostgresAddress address, Func<NpgsqlConnection, Task> work, CancellationToken cancel)
    {
        try
        {
            await using var connection = new NpgsqlConnection(address.ConnectionString);
            await connection.OpenAsync(cancel).ConfigureAwait(false);
            await work(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            // Npgsql's messages name the host, user or database at fault, never the password.
            throw new MMFuseInputException($"cluster {address}: the PostgreSQL membership database is not usable: {ex.Message}", ex);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancel)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
    }

    private static List<string> LoadStatements()
    {
        using var stream = typeof(PostgresMembership).Assembly.GetManifestResourceStream("MMFuse.Cluster.PostgresMembership.sql")
            ?? throw new InvalidOperationException("the PostgresMembership.sql resource is missing from MMFuse.Cluster");
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal));
        return string.Join('\n', lines).Split("\n;;\n").Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
    }
}
