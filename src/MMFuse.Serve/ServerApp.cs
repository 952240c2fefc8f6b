using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using MMFuse.Data;
using MMFuse.Serve.Batching;
using MMFuse.Serve.Endpoints;
using MMFuse.Serve.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;
using Scalar.AspNetCore;

namespace MMFuse.Serve;

/// <summary>The ASP.NET Core application: Kestrel bound as asked, limits, middleware in order, and every endpoint.</summary>
internal static class ServerApp
{
    public static WebApplication Build(ModelHost host, ServeOptions options, ApiKey? key)
    {
        // The slim builder reads no appsettings and no command line: the options above are the whole configuration.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.AddServerHeader = false;
            Listen(kestrel, options.Host, options.Port);
        });
        // Kestrel's body limit governs forms too (a 413); the form reader's own, lower defaults would turn it into a 400.
        builder.Services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = options.MaxRequestBytes;
            form.ValueLengthLimit = (int)Math.Min(int.MaxValue, options.MaxRequestBytes);
        });
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        var metrics = new ServeMetrics();
        builder.Services.AddSingleton(host).AddSingleton(options).AddSingleton(metrics);
        builder.Services.AddSingleton<PredictionBatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PredictionBatcher>());

        var app = builder.Build();
        app.UseMiddleware<RequestMetricsMiddleware>();
        // An unexpected failure is a 500 problem without a stack trace; client mistakes never get here (see Problems).
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ShutdownGateMiddleware>();
        if (key is not null)
            app.UseMiddleware<ApiKeyMiddleware>(key);

        PredictEndpoints.Map(app);
        InfoEndpoints.Map(app);
        PageEndpoints.Map(app);
        app.MapMetrics("/metrics", metrics.Registry);
        app.MapOpenApi();
        // The reference page must work offline: no fonts from a CDN, no telemetry.
        app.MapScalarApiReference(scalar => scalar.WithTitle("MMFuse serve").DisableDefaultFonts().DisableTelemetry());
        return app;
    }

    private static void Listen(KestrelServerOptions kestrel, string host, int port)
    {
        if (host is "localhost")
            kestrel.ListenLocalhost(port);
        else if (host is "*" or "+")
            kestrel.ListenAnyIP(port);
        else if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
            kestrel.Listen(address, port);
        else
            throw new MMFuseInputException($"ServeOptions.Host: '{host}' is not an IP address, localhost or *");
    }
}
