using MMFuse.Data;
using Npgsql;

namespace MMFuse.Cluster;

/// <summary>
/// A <c>postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE</c> cluster address: the database that holds the membership
/// table. Without a password in the address, the driver looks in <c>PGPASSWORD</c>, then the password file
/// (<c>PGPASSFILE</c>, by default <c>~/.pgpass</c>). The password never appears in <see cref="ToString"/> nor in any message.
/// </summary>
/// <param name="Host">The database server's host name or address.</param>
/// <param name="Port">Its port (5432 unless the address gives one).</param>
/// <param name="Database">The database holding the membership tables.</param>
/// <param name="User">The role to log in as.</param>
/// <param name="Password">The password the address gave, or null to let the driver find one.</param>
public sealed record PostgresAddress(string Host, int Port, string Database, string User, string? Password)
{
    /// <summary>PostgreSQL's port when the address names none.</summary>
    public const int DefaultPort = 5432;

    /// <summary>The ADO.NET invariant name Orleans' clustering provider loads the Npgsql driver by.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Seconds a connection attempt may take: an unreachable database is an error within the client's 15 s.</summary>
    public const int ConnectTimeoutSeconds = 5;

    /// <summary>How often a worker writes its heartbeat into the membership table (see <see cref="ClusterAddress.ConfigureSilo"/>).</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// <summary>Parses a <c>postgres://</c> (or <c>postgresql://</c>) address; user and password are percent-decoded.</summary>
    /// <exception cref="MMFuseInputException">What is missing or malformed (the message leaves the password out).</exception>
    public static PostgresAddress Parse(string uri)
    {
        var shown = Redact(uri);
        if (!System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("postgres" or "postgresql"))
            throw new MMFuseInputException($"cluster: '{shown}' is not a postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE address");
        if (parsed.Host.Length == 0)
            throw new MMFuseInputException($"cluster {shown}: the address names no host");
        var userInfo = parsed.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(userInfo[0]);
        if (user.Length == 0)
            throw new MMFuseInputException($"cluster {shown}: the address names no user (postgres://USER@HOST/DATABASE)");
        var database = Uri.UnescapeDataString(parsed.AbsolutePath.Trim('/'));
        if (database.Length == 0 || database.Contains('/'))
            throw new MMFuseInputException($"cluster {shown}: the address names no database (postgres://USER@HOST/DATABASE)");
        if (parsed.Query.Length > 0 || parsed.Fragment.Length > 0)
            throw new MMFuseInputException($"cluster {shown}: options after the database (?...) are not supported; use PGPASSWORD or ~/.pgpass for the password");
        var password = userInfo.Length == 2 ? Uri.UnescapeDataString(userInfo[1]) : null;
        return new PostgresAddress(parsed.Host, parsed.IsDefaultPort || parsed.Port <= 0 ? DefaultPort : parsed.Port, database, user, password);
    }

    /// <summary>The Npgsql connection string; the password only when the address gave one.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Database = Database,
        Username = User,
        Password = Password,
        Timeout = ConnectTimeoutSeconds,
        // The membership table is a few rows read every few seconds by each worker: a small pool is plenty.
        MaxPoolSize = 4,
        ApplicationName = "mmfuse",
    }.ConnectionString;

    /// <summary>The address without its password: what messages and logs show.</summary>
    public override string ToString() => $"postgres://{Uri.EscapeDataString(User)}{(Password is null ? "" : ":***")}@{HostForUri}:{Port}/{Uri.EscapeDataString(Database)}";

    /// <summary>An address as given, with any password replaced by <c>***</c>, for messages about addresses that do not parse.</summary>
    public static string Redact(string uri)
    {
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        var at = uri.LastIndexOf('@');
        if (scheme < 0 || at < scheme) return uri;
        var colon = uri.IndexOf(':', scheme + 3);
        return colon >= 0 && colon < at ? uri[..(colon + 1)] + "***" + uri[at..] : uri;
    }

    private string HostForUri => Host.Contains(':') && !Host.StartsWith('[') ? $"[{Host}]" : Host;
}
