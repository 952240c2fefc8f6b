using System.Net;
using System.Text.Json.Nodes;
using MMFuse.Serve;

namespace MMFuse.Tests.Serve;

/// <summary>Predictions over HTTP are exactly those of <c>mmfuse predict</c> on the same rows — classes, probabilities and contributions.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeSamePredictionsTests(ServedModels models)
{
    [Fact]
    public Task Image_and_audio_model_predicts_over_http_exactly_as_mmfuse_predict() => Compare(models.AvDigits, [0, 1, 2, 3, 4, 5]);

    [Fact]
    public Task Image_text_and_numbers_model_predicts_over_http_exactly_as_mmfuse_predict() => Compare(models.Emoji, [0, 3, 6, 9, 12, 15]);

    private async Task Compare(SampleModel model, int[] picked)
    {
        using var dir = new TempDirectory();
        var table = CliPredictions.Subset(model.Table, dir, picked);
        var rows = SampleTable.Read(table, picked.Length);
        // One row without its image: the absent modality is handled the same way on both sides.
        rows[1]["image"] = "";
        File.WriteAllLines(table, [File.ReadAllLines(table)[0], .. rows.Select(r => string.Join(',', r.Values))]);
        var expected = CliPredictions.Run(model.Path, table, dir, models.Cache, explain: true);

        await using var server = await RunningServer.StartAsync(model.Path, new ServeOptions { MaxBatch = 16 });
        var response = await server.PostJsonAsync("/v1/explain", JsonRowsFrom.Body(rows, JsonRowsFrom.Roles(model.Path)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var predictions = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["predictions"]!.AsArray();
        Assert.Equal(expected.Count, predictions.Count);
        for (var r = 0; r < expected.Count; r++)
        {
            var served = predictions[r]!;
            Assert.Equal(expected[r].Id, served["id"]!.GetValue<string>());
            Assert.Equal(expected[r].Label, served["prediction"]!.GetValue<string>());
            Assert.Equal(expected[r].Probabilities, served["probabilities"]!.AsObject().Select(kv => (float)kv.Value!.GetValue<double>()));
            Assert.Equal(expected[r].Contributions, served["explanation"]!["contributions"]!.AsObject().Select(kv => (float)kv.Value!.GetValue<double>()));
        }
        Assert.Contains("image", predictions[1]!["absent"]!.AsArray().Select(a => a!.GetValue<string>()));
    }
}
