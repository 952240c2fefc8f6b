using System.Text.Json;
using System.Text.Json.Nodes;
using MMFuse.Data;
using MMFuse.Tests.Reporting.Browser;

namespace MMFuse.Tests.Serve;

/// <summary>The web page in headless Chromium: fill the form built from /v1/model with a sample row, submit, and read the prediction shown.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServePageBrowserTests(ServedModels models)
{
    // Waits for the form, fills it (files through a DataTransfer, as a user's pick would), submits and waits for the answer.
    private const string FillAndSubmit = """
        (async () => {
          const until = async test => {
            for (let i = 0; i < 400 && !test(); i++) await new Promise(done => setTimeout(done, 50));
            if (!test()) throw new Error('timed out');
          };
          await until(() => document.querySelectorAll('[data-column]').length > 0);
          for (const [column, value] of Object.entries(VALUES)) {
            const input = document.querySelector(`[data-column="${column}"]`);
            if (value.base64 !== undefined) {
              const bytes = Uint8Array.from(atob(value.base64), c => c.charCodeAt(0));
              const files = new DataTransfer();
              files.items.add(new File([bytes], value.name, { type: value.type }));
              input.files = files.files;
            } else {
              input.value = value.text;
            }
          }
          document.getElementById('submit').click();
          await until(() => document.body.dataset.state === 'shown' || document.getElementById('error').textContent !== '');
          return {
            prediction: document.getElementById('prediction').dataset.value ?? '',
            error: document.getElementById('error').textContent,
            probabilityBars: document.querySelectorAll('#probabilities .bar').length,
            contributionBars: document.querySelectorAll('#contributions .bar').length,
          };
        })()
        """;

    [BrowserFact]
    public async Task The_page_predicts_a_sample_row_as_mmfuse_predict_does()
    {
        using var dir = new TempDirectory();
        var table = CliPredictions.Subset(models.Emoji.Table, dir, 5);
        var expected = CliPredictions.Run(models.Emoji.Path, table, dir, models.Cache).Single();
        var row = SampleTable.Read(table, 1)[0];
        var roles = JsonRowsFrom.Roles(models.Emoji.Path);
        var values = new JsonObject();
        foreach (var (column, role) in roles)
            values[column] = role is ColumnRole.Image or ColumnRole.Audio
                ? new JsonObject { ["base64"] = Convert.ToBase64String(File.ReadAllBytes(row[column])), ["name"] = Path.GetFileName(row[column]), ["type"] = "image/png" }
                : new JsonObject { ["text"] = row[column] };

        await using var server = await RunningServer.StartAsync(models.Emoji.Path);
        await using var browser = await ChromiumSession.LaunchAsync(ChromiumLocator.Executable!);
        foreach (var domain in (string[])["Runtime.enable", "Page.enable"])
            await browser.SendAsync(domain);
        await browser.NavigateAsync(server.Server.BaseAddress.ToString());
        var shown = await browser.EvaluateAsync(FillAndSubmit.Replace("VALUES", values.ToJsonString()));

        Assert.Equal("", shown.GetProperty("error").GetString());
        Assert.Equal(expected.Label, shown.GetProperty("prediction").GetString());
        using var model = MultimodalModel.Load(models.Emoji.Path);
        Assert.Equal(model.Classes.Count, shown.GetProperty("probabilityBars").GetInt32());
        Assert.Equal(model.Modalities.Count, shown.GetProperty("contributionBars").GetInt32());
        Assert.Equal(1, await server.MetricAsync("mmfuse_http_requests_total", "endpoint=\"/v1/explain\",status=\"200\""));
    }
}
