using System.Net;
using System.Text.Json.Nodes;
using MMFuse.Serve;

namespace MMFuse.Tests.Serve;

/// <summary>Graceful shutdown: requests in flight finish; requests that arrive once shutdown has begun get 503.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeShutdownTests(ServedModels models)
{
    [Fact]
    public async Task A_request_in_flight_finishes_when_the_server_stops()
    {
        // The batcher holds the request for up to 700 ms waiting for company; the stop comes meanwhile.
        var server = await RunningServer.StartAsync(models.AvDigits.Path, new ServeOptions { MaxDelayMs = 700 });
        var body = JsonRowsFrom.Body(SampleTable.Read(models.AvDigits.Table, 1), JsonRowsFrom.Roles(models.AvDigits.Path));
        var inFlight = server.PostJsonAsync("/v1/predict", body);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await server.MetricAsync("mmfuse_queue_requests") < 1 && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        await server.Server.StopAsync();
        var response = await inFlight;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["predictions"]![0]!["prediction"]);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => server.Client.GetAsync("/healthz"));
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Once_shutdown_begins_new_requests_get_503()
    {
        await using var server = await RunningServer.StartAsync(models.AvDigits.Path);
        server.Server.BeginShutdown();
        var response = await server.Client.GetAsync("/v1/model");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Shutting down", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]!.GetValue<string>());
    }
}
