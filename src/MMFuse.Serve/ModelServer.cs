using MMFuse.Bundle;
using MMFuse.Serve.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MMFuse.Serve;

/// <summary>
/// A trained model behind HTTP: POST /v1/predict and /v1/explain (dynamically batched), GET /v1/model, /healthz,
/// /readyz, /metrics, /openapi/v1.json, /scalar and a web page at /. Loads the model (refusing a bad or unsigned
/// file at once), starts Kestrel, then warms the model up in the background; /readyz turns ready after that.
/// </summary>
/// <example>
/// <code>
/// await using var server = await ModelServer.StartAsync("model.mmf", new ServeOptions { Port = 8080 });
/// await server.WaitForShutdownAsync();   // SIGTERM or Ctrl+C: in-flight requests finish, new ones get 503
/// </code>
/// </example>
public sealed class ModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ModelHost _host;
    private readonly Task _warmUp;
    private int _disposed;

    private ModelServer(WebApplication app, ModelHost host)
    {
        _app = app;
        _host = host;
        // Off the caller's thread: the server already answers /healthz (and /readyz "not ready") meanwhile. A failure
        // faults Ready, which /readyz reports, and is logged (a model whose extractors this build cannot compute, say).
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MMFuse.Serve");
        _warmUp = Task.Run(() =>
        {
            try
            {
                host.WarmUp();
            }
            catch (Exception ex)
            {
                log.LogError("the warm-up prediction failed, so the server stays not ready: {Message}", ex.Message);
            }
        });
    }

    /// <summary>Where the server listens (with the port resolved when 0 was asked for).</summary>
    public Uri BaseAddress => new(_app.Urls.First().Replace("://[::]", "://[::1]").Replace("://0.0.0.0", "://127.0.0.1"));

    /// <summary>Completes once the warm-up prediction has run (faults if it failed).</summary>
    public Task Ready => _host.Ready;

    /// <summary>Loads the model, starts listening and begins the warm-up.</summary>
    /// <exception cref="Data.MMFuseInputException">A bad option, API key file or model file (unsigned when a key is given, damaged, not a model).</exception>
    public static async Task<ModelServer> StartAsync(string modelPath, ServeOptions? options = null, ModelSigningKey? signingKey = null,
        CancellationToken cancel = default)
    {
        options ??= new ServeOptions();
        options.Validate();
        var key = options.ApiKeyFile is null ? null : ApiKey.FromFile(options.ApiKeyFile);
        var model = MultimodalModel.Load(modelPath, signingKey);
        ModelHost? host = null;
        try
        {
            host = new ModelHost(model, modelPath, options);
            var app = ServerApp.Build(host, options, key);
            await app.StartAsync(cancel);
            return new ModelServer(app, host);
        }
        catch
        {
            if (host is not null) host.Dispose(); else model.Dispose();
            throw;
        }
    }

    /// <summary>Stops taking requests (new ones get 503) and begins the shutdown a SIGTERM begins; in-flight requests finish.</summary>
    public void BeginShutdown() => _app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

    /// <summary>Waits for SIGTERM, Ctrl+C or <see cref="BeginShutdown"/>, then stops gracefully.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancel = default) => _app.WaitForShutdownAsync(cancel);

    /// <summary>Stops gracefully: no new requests, in-flight ones and queued rows finish.</summary>
    public Task StopAsync(CancellationToken cancel = default) => _app.StopAsync(cancel);

    /// <summary>Stops (if still running) and releases the model.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            await _warmUp; // the model must not be released under a running warm-up
            _host.Dispose();
        }
    }
}
