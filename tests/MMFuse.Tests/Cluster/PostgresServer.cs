using System.Diagnostics;
using Npgsql;

namespace MMFuse.Tests.Cluster;

/// <summary>
/// A private PostgreSQL server for one test: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free
/// loopback port with password (md5) logins, an empty database <c>mmfuse</c>; stopped and deleted on dispose. PostgreSQL
/// refuses to run as root, so under root the server runs as the <c>postgres</c> OS user (the Debian package creates it).
/// </summary>
internal sealed class PostgresServer : IDisposable
{
    public const string User = "mmfuse";
    public const string Password = "s3cret-pw";
    public const string Database = "mmfuse";

    private readonly string _bin;
    private readonly string _data;
    private readonly bool _asPostgres;

    private PostgresServer(string bin, string folder, bool asPostgres, int port)
    {
        (_bin, Folder, _asPostgres, Port) = (bin, folder, asPostgres, port);
        _data = Path.Combine(folder, "data");
    }

    public string Folder { get; }

    public int Port { get; }

    /// <summary>The cluster address with the password in it.</summary>
    public string Uri => $"postgres://{User}:{Password}@127.0.0.1:{Port}/{Database}";

    /// <summary>The cluster address without a password (for PGPASSWORD).</summary>
    public string UriWithoutPassword => $"postgres://{User}@127.0.0.1:{Port}/{Database}";

    /// <summary>Starts a server, or returns null with why it cannot (no binaries, no postgres user, a failed start).</summary>
    public static PostgresServer? TryStart(out string reason)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            reason = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; .ci/run installs the postgresql package)";
            return null;
        }
        var asPostgres = Environment.UserName == "root";
        if (asPostgres && Run("id", ["-u", "postgres"]).Code != 0)
        {
            reason = "running as root and there is no postgres OS user to run the server as";
            return null;
        }
        var folder = Path.Combine(Path.GetTempPath(), "mmfuse-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(bin, folder, asPostgres, KilledWorkerScenario.FreePort());
        reason = server.Start();
        if (reason.Length == 0) return server;
        server.Dispose();
        return null;
    }

    /// <summary>Starts the server; an empty string, or what went wrong.</summary>
    private string Start()
    {
        File.WriteAllText(Path.Combine(Folder, "pw"), Password);
        if (_asPostgres && Run("chown", ["-R", "postgres", Folder]) is { Code: not 0 } chown)
            return "could not hand the data folder to the postgres user: " + chown.Output;
        var init = Server("initdb", "-D", _data, "-U", User, "--auth=md5", $"--pwfile={Path.Combine(Folder, "pw")}", "--no-sync", "-E", "UTF8");
        if (init.Code != 0)
            return "initdb failed: " + init.Output;
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={Folder} -c fsync=off";
        var start = Server("pg_ctl", "-D", _data, "-o", options, "-l", Path.Combine(Folder, "log"), "-w", "-t", "30", "start");
        if (start.Code != 0)
            return "pg_ctl start failed: " + start.Output + ReadLog();
        using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username={User};Password={Password};Database=postgres");
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
        create.ExecuteNonQuery();
        return "";
    }

    /// <summary>Runs a SQL statement in the membership database and returns the first column of the first row.</summary>
    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username={User};Password={Password};Database={Database}");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
            Server("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a file still held: the temp folder is cleaned later */ }
    }

    private string ReadLog()
    {
        var log = Path.Combine(Folder, "log");
        return File.Exists(log) ? "\n" + File.ReadAllText(log) : "";
    }

    private (int Code, string Output) Server(string tool, params string[] args) =>
        _asPostgres ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args]) : Run(Path.Combine(_bin, tool), args);

    private static (int Code, string Output) Run(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, $"{file}: {ex.Message}");
        }
    }
}
