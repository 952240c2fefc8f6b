using MMFuse.Serve.Batching;
using MMFuse.Serve.Contracts;
using MMFuse.Serve.Http;
using MMFuse.Serve.Input;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MMFuse.Serve.Endpoints;

/// <summary>POST /v1/predict and /v1/explain: read the rows, validate them on their own, queue them for the batcher, answer.</summary>
internal static class PredictEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        Describe(app.MapPost("/v1/predict", (HttpContext context, ModelHost host, PredictionBatcher batcher, ServeOptions options) =>
                Handle(context, host, batcher, options, explain: false)), "Predict",
            "Predict rows: JSON {\"rows\": [...]} (media as base64) or multipart/form-data (one row: files and fields by column name).");
        Describe(app.MapPost("/v1/explain", (HttpContext context, ModelHost host, PredictionBatcher batcher, ServeOptions options) =>
                Handle(context, host, batcher, options, explain: true)), "Explain",
            "Predict rows as /v1/predict does and add each modality's exact Shapley contribution to each prediction.");
    }

    private static void Describe(RouteHandlerBuilder endpoint, string name, string summary) => endpoint
        .WithName(name).WithSummary(summary)
        .Accepts<PredictRequest>("application/json", "multipart/form-data")
        .Produces<PredictResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> Handle(HttpContext context, ModelHost host, PredictionBatcher batcher, ServeOptions options, bool explain)
    {
        try
        {
            var rows = await RequestRows.ReadAsync(context.Request, host.Roles, options, context.RequestAborted);
            // Checked here, per request, so a bad row never reaches a batch it would share with other callers.
            host.Model.Validate(rows, host.Predicting);
            var predictions = await batcher.Enqueue(rows, explain);
            return TypedResults.Ok(new PredictResponse(predictions.Select(p => PredictionMapping.ToResult(p, host.Model.Classes)).ToList()));
        }
        catch (Exception ex) when (Problems.IsClients(ex))
        {
            return Problems.For(ex, options);
        }
    }
}
