using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace MMFuse.Serve.Http;

/// <summary>
/// Once shutdown begins (SIGTERM), a request that still arrives is answered 503 with <c>Connection: close</c>, so a
/// load balancer retries it elsewhere, while the requests already in flight finish.
/// </summary>
internal sealed class ShutdownGateMiddleware(RequestDelegate next, IHostApplicationLifetime lifetime)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!lifetime.ApplicationStopping.IsCancellationRequested)
            return next(context);
        context.Response.Headers.Connection = "close";
        return Results.Problem("the server is shutting down", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Shutting down")
            .ExecuteAsync(context);
    }
}
