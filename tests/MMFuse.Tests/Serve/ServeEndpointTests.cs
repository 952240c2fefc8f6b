using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace MMFuse.Tests.Serve;

/// <summary>Every endpoint of <c>mmfuse serve</c> answers as documented (avdigits: image + audio).</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeEndpointTests(ServedModels models)
{
    [Fact]
    public async Task Health_ready_model_metrics_openapi_and_page_answer()
    {
        await using var server = await RunningServer.StartAsync(models.AvDigits.Path);
        var client = server.Client;
        Assert.Equal("alive", JsonNode.Parse(await client.GetStringAsync("/healthz"))!["status"]!.GetValue<string>());
        Assert.Equal("ready", JsonNode.Parse(await client.GetStringAsync("/readyz"))!["status"]!.GetValue<string>());

        var model = JsonNode.Parse(await client.GetStringAsync("/v1/model"))!;
        Assert.Equal("avdigits.mmf", model["file"]!.GetValue<string>());
        Assert.Equal(64, model["sha256"]!.GetValue<string>().Length);
        Assert.Equal("digit", model["label"]!.GetValue<string>());
        Assert.Equal("multiclass", model["task"]!.GetValue<string>());
        Assert.Equal("early/logreg", model["strategy"]!.GetValue<string>());
        Assert.Equal(["image:image", "audio:audio"], model["columns"]!.AsArray().Select(c => $"{c!["name"]}:{c["role"]}"));
        Assert.Equal(Enumerable.Range(0, 10).Select(d => d.ToString()), model["classes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(2, model["extractors"]!.AsArray().Count);
        Assert.True(model["training_metrics"]!["train_accuracy"]!.GetValue<double>() > 0.5);

        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains("mmfuse_http_requests_total{endpoint=\"/v1/model\",status=\"200\"} 1", metrics);
        Assert.Contains("mmfuse_http_request_duration_seconds_bucket", metrics);
        Assert.Contains("mmfuse_batch_rows_bucket", metrics);
        Assert.Contains("mmfuse_queue_requests", metrics);

        var openApi = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        foreach (var path in new[] { "/v1/predict", "/v1/explain", "/v1/model", "/healthz", "/readyz" })
            Assert.NotNull(openApi["paths"]![path]);
        Assert.NotNull(openApi["components"]!["schemas"]!["PredictResponse"]);
        var reference = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);

        var page = await client.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/app.js\">", html);
        Assert.DoesNotContain("https://", html); // offline: nothing from a CDN
        Assert.Contains("/v1/model", await client.GetStringAsync("/app.js"));
    }

    [Fact]
    public async Task Predict_takes_json_rows_and_a_multipart_form_and_reports_absent_modalities()
    {
        await using var server = await RunningServer.StartAsync(models.AvDigits.Path);
        var roles = JsonRowsFrom.Roles(models.AvDigits.Path);
        var rows = SampleTable.Read(models.AvDigits.Table, 3);
        rows[2]["audio"] = "";
        var response = await server.PostJsonAsync("/v1/predict", JsonRowsFrom.Body(rows, roles));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var predictions = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["predictions"]!.AsArray();
        Assert.Equal(rows.Select(r => r["id"]), predictions.Select(p => p!["id"]!.GetValue<string>()));
        foreach (var p in predictions)
        {
            var probabilities = p!["probabilities"]!.AsObject();
            Assert.Equal(10, probabilities.Count);
            Assert.Equal(1.0, probabilities.Sum(kv => kv.Value!.GetValue<double>()), 4);
            Assert.Equal(probabilities.MaxBy(kv => kv.Value!.GetValue<double>()).Key, p["prediction"]!.GetValue<string>());
            Assert.Null(p["explanation"]);
        }
        Assert.Empty(predictions[0]!["absent"]!.AsArray());
        Assert.Equal(["audio"], predictions[2]!["absent"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(1, await server.MetricAsync("mmfuse_absent_rows_total", "modality=\"audio\""));

        using var form = new MultipartFormDataContent();
        var image = new ByteArrayContent(File.ReadAllBytes(rows[0]["image"]));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "image", "digit.png");
        form.Add(new ByteArrayContent(File.ReadAllBytes(rows[0]["audio"])), "audio", "digit.wav");
        var fromForm = await server.PostAsync("/v1/predict", form);
        Assert.Equal(HttpStatusCode.OK, fromForm.StatusCode);
        var formPrediction = JsonNode.Parse(await fromForm.Content.ReadAsStringAsync())!["predictions"]![0]!;
        Assert.Equal(predictions[0]!["probabilities"]!.ToJsonString(), formPrediction["probabilities"]!.ToJsonString());
    }

    [Fact]
    public async Task Explain_adds_contributions_that_sum_to_the_prediction_minus_the_baseline()
    {
        await using var server = await RunningServer.StartAsync(models.AvDigits.Path);
        var roles = JsonRowsFrom.Roles(models.AvDigits.Path);
        var response = await server.PostJsonAsync("/v1/explain", JsonRowsFrom.Body(SampleTable.Read(models.AvDigits.Table, 2), roles));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var prediction in JsonNode.Parse(await response.Content.ReadAsStringAsync())!["predictions"]!.AsArray())
        {
            var explanation = prediction!["explanation"]!;
            Assert.Equal(prediction["prediction"]!.GetValue<string>(), explanation["explained"]!.GetValue<string>());
            var contributions = explanation["contributions"]!.AsObject();
            Assert.Equal(["image", "audio"], contributions.Select(kv => kv.Key));
            Assert.Equal(explanation["output"]!.GetValue<double>() - explanation["baseline"]!.GetValue<double>(),
                contributions.Sum(kv => kv.Value!.GetValue<double>()), 5);
        }
    }
}
