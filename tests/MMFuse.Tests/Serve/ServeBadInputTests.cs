using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MMFuse.Serve;

namespace MMFuse.Tests.Serve;

/// <summary>Bad input is an RFC 7807 problem with a 4xx status naming row and column — never a 500, never the content sent.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeBadInputTests(ServedModels models)
{
    private static async Task<JsonNode> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static Task<HttpResponseMessage> Raw(RunningServer server, string json) =>
        server.PostAsync("/v1/predict", new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Malformed_json_wrong_types_and_unknown_or_missing_columns_are_400_naming_row_and_column()
    {
        await using var server = await RunningServer.StartAsync(models.Emoji.Path);
        var malformed = await Problem(await Raw(server, "{\"rows\": [{\"text\": "), HttpStatusCode.BadRequest);
        Assert.Equal("Malformed JSON", malformed["title"]!.GetValue<string>());

        var cases = new (string Json, int? Row, string? Column, string Reason)[]
        {
            ("{\"rows\": [{\"text\": \"a\"}, {\"added_in\": \"soon\"}]}", 1, "added_in", "not a number"),
            ("{\"rows\": [{\"added_in\": true}]}", 0, "added_in", "not a number"),
            ("{\"rows\": [{\"text\": {\"nested\": 1}}]}", 0, "text", "not an object"),
            ("{\"rows\": [{\"image\": 12}]}", 0, "image", "base64"),
            ("{\"rows\": [{\"image\": \"%%%not base64%%%\"}]}", 0, "image", "not valid base64"),
            ("{\"rows\": [{\"image\": \"aGVsbG8gd29ybGQ=\"}]}", 0, "image", "not a recognised image"),
            ("{\"rows\": [{\"text\": \"a\", \"colour\": \"red\"}]}", 0, "colour", "no such column"),
            ("{\"rows\": [{}]}", 0, null, "none of the model's columns"),
            ("{\"rows\": [{\"text\": \"a\"}, 7]}", 1, null, "JSON object"),
        };
        foreach (var (json, row, column, reason) in cases)
        {
            var problem = await Problem(await Raw(server, json), HttpStatusCode.BadRequest);
            Assert.Contains(reason, problem["detail"]!.GetValue<string>());
            Assert.Equal(row, problem["row"]?.GetValue<int>());
            Assert.Equal(column, problem["column"]?.GetValue<string>());
        }
        foreach (var json in new[] { "[1, 2]", "{\"rows\": []}", "{\"rows\": [{\"text\": \"a\"}], \"extra\": 1}", "{\"rows\": {}}" })
            await Problem(await Raw(server, json), HttpStatusCode.BadRequest);
        var secret = "{\"rows\": [{\"image\": \"c2VjcmV0LWNvbnRlbnQ=\"}]}"; // base64 of "secret-content"
        Assert.DoesNotContain("secret", (await Problem(await Raw(server, secret), HttpStatusCode.BadRequest)).ToJsonString());
        await Problem(await server.PostAsync("/v1/predict", new StringContent("text=a", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, await server.MetricAsync("mmfuse_http_requests_total", "status=\"500\""));
    }

    [Fact]
    public async Task An_undecodable_file_fails_only_its_own_request_when_batched_with_others()
    {
        // A long delay so the two requests share a batch; the truncated PNG passes the header checks and fails to decode.
        await using var server = await RunningServer.StartAsync(models.AvDigits.Path, new ServeOptions { MaxDelayMs = 400 });
        var roles = JsonRowsFrom.Roles(models.AvDigits.Path);
        var rows = SampleTable.Read(models.AvDigits.Table, 2);
        var good = JsonRowsFrom.Body(rows, roles);
        var image = File.ReadAllBytes(rows[0]["image"]);
        var bad = new JsonObject { ["rows"] = new JsonArray(new JsonObject { ["image"] = Convert.ToBase64String(image[..(image.Length / 2)]) }) };
        var responses = await Task.WhenAll(server.PostJsonAsync("/v1/predict", good), server.PostJsonAsync("/v1/predict", bad));
        Assert.Equal(HttpStatusCode.OK, responses[0].StatusCode);
        var problem = await Problem(responses[1], HttpStatusCode.BadRequest);
        Assert.Equal(0, problem["row"]!.GetValue<int>());
        Assert.Equal("image", problem["column"]!.GetValue<string>());
    }

    [Fact]
    public async Task Oversized_images_long_clips_and_bodies_over_the_limit_are_refused()
    {
        var options = new ServeOptions { MaxImagePixels = 50, MaxAudioSeconds = 0.05, MaxRequestBytes = 64 << 10 };
        await using var server = await RunningServer.StartAsync(models.AvDigits.Path, options);
        var row = SampleTable.Read(models.AvDigits.Table, 1)[0];
        var image = Convert.ToBase64String(File.ReadAllBytes(row["image"])); // 8x8 = 64 pixels
        var audio = Convert.ToBase64String(File.ReadAllBytes(row["audio"]));
        var tooWide = await Problem(await Raw(server, $"{{\"rows\": [{{\"image\": \"{image}\"}}]}}"), HttpStatusCode.BadRequest);
        Assert.Contains("64 pixels, above the limit of 50", tooWide["detail"]!.GetValue<string>());
        var tooLong = await Problem(await Raw(server, $"{{\"rows\": [{{\"audio\": \"{audio}\"}}]}}"), HttpStatusCode.BadRequest);
        Assert.Contains("audio too long", tooLong["detail"]!.GetValue<string>());

        var huge = $"{{\"rows\": [{{\"image\": \"{new string('A', 100_000)}\"}}]}}";
        // With "Expect: 100-continue" (what curl sends for large bodies) the client waits for the server's go-ahead, so the
        // early 413 arrives before any of the body is sent.
        var declared = new HttpRequestMessage(HttpMethod.Post, "/v1/predict") { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
        declared.Headers.ExpectContinue = true;
        await Problem(await server.Client.SendAsync(declared), HttpStatusCode.RequestEntityTooLarge);
        // Without a declared length (chunked), Kestrel's own limit stops the body. The server may then reset the
        // connection while the client still writes the rest, so the 413 is checked where the server counts it.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new("application/json");
        try
        {
            await Problem(await server.PostAsync("/v1/predict", chunked), HttpStatusCode.RequestEntityTooLarge);
        }
        catch (HttpRequestException)
        {
        }
        // Counted once the server's pipeline has finished with the request, which may be just after the client gave up.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await server.MetricAsync("mmfuse_http_requests_total", "status=\"413\"") < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(2, await server.MetricAsync("mmfuse_http_requests_total", "status=\"413\""));
        Assert.Equal(0, await server.MetricAsync("mmfuse_http_requests_total", "status=\"500\""));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Paths_are_refused_unless_allowed_and_then_only_inside_the_folder()
    {
        var folder = TestPaths.Samples("avdigits", "images");
        var inside = $"{{\"rows\": [{{\"image\": {{\"path\": \"{Path.GetFileName(TestPaths.SampleImage)}\"}}}}]}}";
        var outside = "{\"rows\": [{\"image\": {\"path\": \"../audio/0031.wav\"}}]}";
        await using (var closed = await RunningServer.StartAsync(models.AvDigits.Path))
            Assert.Contains("file paths are not accepted", (await Problem(await Raw(closed, inside), HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
        await using var open = await RunningServer.StartAsync(models.AvDigits.Path, new ServeOptions { AllowedPathRoot = folder });
        Assert.Equal(HttpStatusCode.OK, (await Raw(open, inside)).StatusCode);
        Assert.Contains("outside the allowed folder", (await Problem(await Raw(open, outside), HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
        var absolute = "{\"rows\": [{\"image\": {\"path\": \"/etc/passwd\"}}]}";
        Assert.Contains("outside the allowed folder", (await Problem(await Raw(open, absolute), HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
    }
}
