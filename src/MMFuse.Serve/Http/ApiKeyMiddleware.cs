using Microsoft.AspNetCore.Http;

namespace MMFuse.Serve.Http;

/// <summary>
/// With <c>--api-key-file</c>, every request needs <c>Authorization: Bearer KEY</c> (401 otherwise), except the liveness
/// probe and the static pages that hold no model data: the web page (which asks for the key and sends it with its
/// calls), the OpenAPI document and its reference page.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKey key)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (IsOpen(context.Request.Path) || key.Accepts(context.Request.Headers.Authorization))
            return next(context);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem("send the API key as 'Authorization: Bearer KEY'", statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized").ExecuteAsync(context);
    }

    private static bool IsOpen(PathString path) =>
        path == "/healthz" || path == "/" || path == "/app.js" || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/scalar");
}
