using System.CommandLine;
using MMFuse.Cluster;
using MMFuse.Data;

namespace MMFuse.Cli.Commands;

/// <summary><c>mmfuse worker --cluster URI [--threads N] [--name NAME]</c>: an Orleans silo that runs MMFuse jobs
/// for cluster clients (<c>compare/evaluate/train --cluster URI</c>) until stopped (Ctrl+C, SIGTERM).</summary>
internal static class WorkerCommand
{
    public static Command Create(CliContext context)
    {
        var cluster = new Option<string>("--cluster") { Description = "The cluster to join: localhost, redis://HOST:PORT or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (password also from PGPASSWORD or ~/.pgpass)", Required = true };
        var threads = new Option<int>("--threads") { Description = "Jobs run at once (default: the machine's cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var name = new Option<string?>("--name") { Description = "The worker's name, unique in the cluster (default HOST-PID)" };
        var siloPort = new Option<int>("--silo-port") { Description = "Silo-to-silo port (default: a free one)" };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Client gateway port (default: a free one)" };
        var sharedMedia = new Option<string[]>("--shared-media")
        {
            Description = "A folder this worker may read media from for --media shared clients (repeatable; the default reads none: streamed media only)",
            AllowMultipleArgumentsPerToken = false,
        };
        var tlsFlags = new ClusterArguments();
        var command = new Command("worker", "Run an MMFuse worker (an Orleans silo) that computes extraction shards and cross-validation jobs for --cluster clients");
        command.Add(cluster);
        command.Add(threads);
        command.Add(name);
        command.Add(siloPort);
        command.Add(gatewayPort);
        command.Add(sharedMedia);
        command.Add(tlsFlags.TlsCert);
        command.Add(tlsFlags.TlsPasswordFile);
        command.SetAction(parse =>
        {
            if (parse.GetValue(threads) < 1)
                throw new MMFuseInputException($"--threads: {parse.GetValue(threads)} is not a positive number");
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM,
                s => { s.Cancel = true; stop.Cancel(); });
            var shared = parse.GetValue(sharedMedia) ?? [];
            if (shared.FirstOrDefault(f => !Directory.Exists(f)) is { } missing)
                throw new MMFuseInputException($"--shared-media: '{missing}' is not a folder");
            var settings = new WorkerSettings { Threads = parse.GetValue(threads), SharedMedia = shared.Select(Path.GetFullPath).ToArray() };
            if (Environment.GetEnvironmentVariable("MMFUSE_WORKER_VERSION") is { Length: > 0 } version)
                settings = settings with { Version = version }; // tests play an older worker
            WorkerHost.RunAsync(new WorkerOptions(parse.GetValue(cluster)!, parse.GetValue(name), settings, parse.GetValue(siloPort), parse.GetValue(gatewayPort),
                tlsFlags.Tls(parse)),
                context.Output, stop.Token).GetAwaiter().GetResult();
            return 0;
        });
        return command;
    }
}
