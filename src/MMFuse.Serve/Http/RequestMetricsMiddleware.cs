using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MMFuse.Serve.Http;

/// <summary>Counts and times every request by its route pattern (never the raw path, which a client could vary without end) and status.</summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, ServeMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            var status = (failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode).ToString(CultureInfo.InvariantCulture);
            metrics.Requests.WithLabels(endpoint, status).Inc();
            metrics.RequestSeconds.WithLabels(endpoint, status).Observe(clock.Elapsed.TotalSeconds);
        }
    }
}
