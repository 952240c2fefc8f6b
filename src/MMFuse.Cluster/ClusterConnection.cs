using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MMFuse.Data;
using Orleans.Configuration;

namespace MMFuse.Cluster;

/// <summary>
/// A cluster client: connects to the workers' cluster (giving up with a clear error when no worker is reachable)
/// and makes runners that spread jobs over them. Dispose it to leave the cluster; the workers then drop this
/// client's queued jobs once its lease runs out.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable, IDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host, ClusterAddress address)
    {
        _host = host;
        Address = address;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>Where the cluster is.</summary>
    public ClusterAddress Address { get; }

    /// <summary>The Orleans client.</summary>
    public IClusterClient Client { get; }

    /// <summary>Connects, retrying failed attempts for up to <paramref name="timeout"/> (10 s by default), over mutual TLS when
    /// <paramref name="tls"/> is given. A start whose first attempt is still under way may take up to four times as long.</summary>
    /// <exception cref="MMFuseInputException">No gateway (worker) could be reached in time.</exception>
    public static async Task<ClusterConnection> ConnectAsync(string uri, TimeSpan? timeout = null, CancellationToken cancel = default, ClusterTls? tls = null)
    {
        var address = ClusterAddress.Parse(uri);
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var deadline = DateTime.UtcNow + limit;
        await address.PrepareAsync(worker: false, cancel).ConfigureAwait(false);
        // One attempt can itself take seconds (a Redis connect timeout), so the start as a whole is bounded too: by the
        // deadline once an attempt has failed, and otherwise by a ceiling that lets a slow but working start (a loaded
        // machine) finish rather than be cut at the deadline mid-handshake.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        bounded.CancelAfter(limit * SlowStartFactor);
        var failed = 0;
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            address.ConfigureClient(client);
            tls?.Configure(client);
            // Jobs may train for many minutes; a lost worker is noticed by the runner's heartbeat, not by this timeout.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromHours(2));
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (Interlocked.Exchange(ref failed, 1) == 0)
                {
                    try { bounded.CancelAfter(Max(deadline - DateTime.UtcNow, TimeSpan.Zero) + TimeSpan.FromSeconds(2)); }
                    catch (ObjectDisposedException) { /* the start is over; this is a later reconnection */ }
                }
                if (DateTime.UtcNow >= deadline) return false;
                await Task.Delay(500, token);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            host.Dispose();
            throw new MMFuseInputException($"cluster {address.Uri}: no MMFuse worker is reachable (tried for {limit.TotalSeconds:0} s: {ex.Message}); "
                + $"start one with `mmfuse worker --cluster {address.Uri}`", ex);
        }
        return new ClusterConnection(host, address);
    }

    /// <summary>A runner for these strategies; pass its <see cref="ClusterFoldRunner.Strategies"/> and the runner itself
    /// (<see cref="EvaluationOptions.Runner"/>) to <see cref="MultimodalDataset.Compare"/> or <see cref="MultimodalDataset.Evaluate"/>.</summary>
    public ClusterFoldRunner Runner(StrategyRecipe recipe, ClusterRunOptions? options = null, IProgress<MMFuseProgress>? progress = null) =>
        new(Client, recipe, options, progress);

    public async ValueTask DisposeAsync()
    {
        try { await _host.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false); }
        catch (Exception) { /* leaving a cluster that is already gone */ }
        _host.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>How many times the retry timeout a start that has not yet failed may take.</summary>
    private const int SlowStartFactor = 4;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
