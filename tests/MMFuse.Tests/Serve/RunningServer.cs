using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MMFuse.Serve;

namespace MMFuse.Tests.Serve;

/// <summary>A real Kestrel server on a free loopback port, warmed up, with a client pointed at it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(ModelServer server)
    {
        Server = server;
        Client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public ModelServer Server { get; }

    public HttpClient Client { get; }

    public static async Task<RunningServer> StartAsync(string model, ServeOptions? options = null)
    {
        var server = await ModelServer.StartAsync(model, (options ?? new ServeOptions()) with { Port = 0, Threads = 2 });
        await server.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        return new RunningServer(server);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, JsonNode body, string? key = null) =>
        PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), key);

    public Task<HttpResponseMessage> PostAsync(string path, HttpContent content, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (key is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return Client.SendAsync(request);
    }

    /// <summary>A metric's value from /metrics (summed over its label sets when <paramref name="labels"/> is null).</summary>
    public async Task<double> MetricAsync(string name, string? labels = null)
    {
        var text = await Client.GetStringAsync("/metrics");
        return text.Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Select(l => (Key: l[..l.LastIndexOf(' ')], Value: l[(l.LastIndexOf(' ') + 1)..]))
            .Where(m => m.Key == name || (m.Key.StartsWith(name + "{", StringComparison.Ordinal) && (labels is null || m.Key.Contains(labels, StringComparison.Ordinal))))
            .Sum(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
