using MMFuse.Serve.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MMFuse.Serve.Endpoints;

/// <summary>GET /v1/model, /healthz (the process answers) and /readyz (the model is loaded and warmed up).</summary>
internal static class InfoEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/model", (ModelHost host) => TypedResults.Ok(host.Description))
            .WithName("Model").WithSummary("The served model: columns and roles, label, classes, strategy, extractors, training metrics, file hash, limits.")
            .Produces<ModelDescription>().ProducesProblem(StatusCodes.Status401Unauthorized);
        app.MapGet("/healthz", () => TypedResults.Ok(new Probe("alive")))
            .WithName("Health").WithSummary("Liveness: the process answers (open even with an API key).");
        app.MapGet("/readyz", (ModelHost host) => host.IsReady
                ? Results.Ok(new Probe("ready"))
                : Results.Problem(host.Ready.IsFaulted ? "the warm-up prediction failed; see the server's log" : "loading and warming up the model",
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready"))
            .WithName("Ready").WithSummary("Readiness: the model and its encoders are loaded and a warm-up prediction has run.")
            .Produces<Probe>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>A probe's answer.</summary>
    internal sealed record Probe(string Status);
}
