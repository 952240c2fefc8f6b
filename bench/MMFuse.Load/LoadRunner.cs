using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace MMFuse.Load;

/// <summary>
/// N clients, each on its own connection, each sending one single-row POST /v1/predict after another (round-robin over
/// the sample rows) for a fixed time. A request counts as an error unless it is a 200 with one prediction.
/// </summary>
internal static class LoadRunner
{
    public static async Task<(int Requests, int Errors, List<double> LatenciesMs)> RunAsync(Uri server, IReadOnlyList<string> bodies, int clients,
        TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        var stop = Stopwatch.StartNew();
        var latencies = new List<double>[clients];
        var errors = new int[clients];
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            for (var i = c; stop.Elapsed < duration; i += clients)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.PostAsync("/v1/predict", new StringContent(bodies[i % bodies.Count], Encoding.UTF8, "application/json"));
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.OK || JsonNode.Parse(text)!["predictions"]!.AsArray().Count != 1)
                        errors[c]++;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    errors[c]++;
                }
                latencies[c].Add(clock.Elapsed.TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).ToList();
        return (all.Count, errors.Sum(), all);
    }

    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
