using System.Net;
using System.Text.Json.Nodes;
using MMFuse.Serve;

namespace MMFuse.Tests.Serve;

/// <summary>Concurrent requests are predicted together (seen in the batch-size metric) with the numbers they get alone; a full queue is a 503.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeBatchingTests(ServedModels models)
{
    [Fact]
    public async Task Concurrent_requests_coalesce_into_batches_with_the_same_predictions()
    {
        // A long delay makes coalescing certain on a loaded machine; the batch size caps at 16 rows.
        await using var server = await RunningServer.StartAsync(models.Emoji.Path, new ServeOptions { MaxBatch = 16, MaxDelayMs = 500 });
        var roles = JsonRowsFrom.Roles(models.Emoji.Path);
        var rows = SampleTable.Read(models.Emoji.Table, 12);
        var alone = new List<string>();
        foreach (var row in rows.Take(3))
            alone.Add(await Probabilities(await server.PostJsonAsync("/v1/predict", JsonRowsFrom.Body([row], roles))));
        var batchesBefore = await server.MetricAsync("mmfuse_batch_rows_count");

        var together = await Task.WhenAll(rows.Select(row => server.PostJsonAsync("/v1/predict", JsonRowsFrom.Body([row], roles))));
        Assert.All(together, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var batches = await server.MetricAsync("mmfuse_batch_rows_count") - batchesBefore;
        Assert.InRange(batches, 1, rows.Count / 2); // 12 single-row requests in at most 6 model calls
        Assert.Equal(3 + rows.Count, await server.MetricAsync("mmfuse_batch_rows_sum"));
        for (var i = 0; i < 3; i++)
            Assert.Equal(alone[i], await Probabilities(together[i]));
    }

    [Fact]
    public async Task A_full_queue_answers_503_and_every_other_request_succeeds()
    {
        await using var server = await RunningServer.StartAsync(models.AvDigits.Path, new ServeOptions { MaxBatch = 1, MaxDelayMs = 0, QueueCapacity = 1 });
        var body = JsonRowsFrom.Body(SampleTable.Read(models.AvDigits.Table, 1), JsonRowsFrom.Roles(models.AvDigits.Path));
        var responses = await Task.WhenAll(Enumerable.Range(0, 48).Select(_ => server.PostJsonAsync("/v1/explain", body)));
        var codes = responses.Select(r => r.StatusCode).ToList();
        Assert.Contains(HttpStatusCode.ServiceUnavailable, codes);
        Assert.Contains(HttpStatusCode.OK, codes);
        Assert.All(codes, c => Assert.True(c is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, c.ToString()));
    }

    private static async Task<string> Probabilities(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["predictions"]![0]!["probabilities"]!.ToJsonString();
    }
}
