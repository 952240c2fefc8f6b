using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MMFuse.Serve.Endpoints;

/// <summary>GET / and /app.js: the web page, embedded in the assembly (no files beside the server, nothing from a CDN).</summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var html = Resource("index.html");
        var script = Resource("app.js");
        app.MapGet("/", () => Results.Bytes(html, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/app.js", () => Results.Bytes(script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream("MMFuse.Serve.Page." + name)
            ?? throw new InvalidOperationException("the page resource is missing from the assembly: " + name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
