using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace MMFuse.Cluster;

/// <summary>Runs a worker silo until cancelled (<c>mmfuse worker</c>).</summary>
public static class WorkerHost
{
    /// <summary>Starts the silo, writes one "ready" line to <paramref name="output"/>, and runs until <paramref name="stop"/>.</summary>
    public static async Task RunAsync(WorkerOptions options, TextWriter output, CancellationToken stop)
    {
        var address = ClusterAddress.Parse(options.Cluster);
        await address.PrepareAsync(worker: true, stop).ConfigureAwait(false);
        var settings = options.Settings ?? new WorkerSettings();
        var name = options.Name ?? $"{Environment.MachineName}-{Environment.ProcessId}";
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Orleans' own warnings and errors go to stderr; stdout carries only the worker's lines.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.Configure<SiloOptions>(o => o.SiloName = name);
            address.ConfigureSilo(silo, options.SiloPort, options.GatewayPort);
            silo.AddMMFuseWorker(settings);
            options.Tls?.Configure(silo);
        });
        using var host = builder.Build();
        await host.StartAsync(stop).ConfigureAwait(false);
        await output.WriteLineAsync($"worker '{name}' ready: {settings.Threads} thread(s), cluster {address.Uri}{(options.Tls is null ? "" : ", TLS")}, {ClusterVersion.Current}").ConfigureAwait(false);
        await output.FlushAsync(stop).ConfigureAwait(false);
        try { await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        await host.StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }
}
