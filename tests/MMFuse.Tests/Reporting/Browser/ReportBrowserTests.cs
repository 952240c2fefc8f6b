using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace MMFuse.Tests.Reporting.Browser;

/// <summary>Opens the generated report in headless Chromium, as a reader would, on a desktop and on a phone.</summary>
public sealed class ReportBrowserTests(ReportPageFixture fixture, ITestOutputHelper output) : IClassFixture<ReportPageFixture>
{
    private static readonly string[] ExpectedPlots =
    [
        "confusion", "per-class-f1", "modality-contribution", "robustness-image", "robustness-audio", "reliability",
        "learning-joint-mlp", "learning-joint-attention",
    ];

    // Each plot's box, and for images whether the browser decoded the PNG; waits for every image to decode first.
    private const string PlotsScript = """
        (async () => {
          await Promise.all([...document.images].map(i => i.decode().catch(() => null)));
          return [...document.querySelectorAll('[data-plot]')].map(e => {
            const r = e.getBoundingClientRect();
            return { name: e.dataset.plot, width: r.width, height: r.height, decoded: e.tagName !== 'IMG' || e.naturalWidth > 0 };
          });
        })()
        """;

    // Duration of every embedded clip once its metadata is read (-1 if the browser cannot decode it).
    private const string AudioScript = """
        Promise.all([...document.querySelectorAll('audio')].map(a => a.readyState >= 1 ? a.duration : new Promise(done => {
          a.addEventListener('loadedmetadata', () => done(a.duration));
          a.addEventListener('error', () => done(-1));
          a.load();
        })))
        """;

    [BrowserFact]
    public async Task Report_shows_every_plot_without_errors_or_network_access()
    {
        var browser = fixture.Browser!;
        int seen = browser.EventCount;
        await SetViewport(browser, 1280, 900, mobile: false);
        await browser.NavigateAsync(fixture.ReportUrl);

        var plots = (await browser.EvaluateAsync(PlotsScript)).EnumerateArray().ToArray();
        Assert.Equal(ExpectedPlots, plots.Select(p => p.GetProperty("name").GetString()));
        foreach (var plot in plots)
        {
            var name = plot.GetProperty("name").GetString();
            Assert.True(plot.GetProperty("width").GetDouble() > 50 && plot.GetProperty("height").GetDouble() > 50, $"plot {name} has no size: {plot}");
            Assert.True(plot.GetProperty("decoded").GetBoolean(), $"plot {name} did not decode");
        }

        var durations = (await browser.EvaluateAsync(AudioScript)).EnumerateArray().Select(d => d.GetDouble()).ToArray();
        Assert.Equal(3, durations.Length);
        Assert.All(durations, d => Assert.InRange(d, 0.05, 5.01));

        await Screenshot(browser, "report-desktop.png");
        output.WriteLine($"report: {new FileInfo(fixture.ReportPath).Length} bytes");
        AssertNoErrorsOrRequests(browser.EventsSince(seen));
    }

    [BrowserFact]
    public async Task Report_fits_a_phone_screen_without_horizontal_overflow()
    {
        var browser = fixture.Browser!;
        int seen = browser.EventCount;
        await SetViewport(browser, 390, 844, mobile: true);
        await browser.NavigateAsync(fixture.ReportUrl);
        await browser.EvaluateAsync("Promise.all([...document.images].map(i => i.decode().catch(() => null))).then(() => true)");

        var size = await browser.EvaluateAsync("({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth })");
        int scroll = size.GetProperty("scroll").GetInt32(), viewport = size.GetProperty("viewport").GetInt32();
        await Screenshot(browser, "report-phone.png");
        Assert.Equal(390, viewport);
        Assert.True(scroll <= viewport + 2, $"page is {scroll}px wide on a {viewport}px screen");

        // Plots shrink to the screen rather than overflow it.
        var widest = await browser.EvaluateAsync("Math.max(...[...document.querySelectorAll('img.plot')].map(i => i.getBoundingClientRect().right))");
        Assert.InRange(widest.GetDouble(), 100, viewport);
        AssertNoErrorsOrRequests(browser.EventsSince(seen));
    }

    private static Task SetViewport(ChromiumSession browser, int width, int height, bool mobile) =>
        browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = mobile,
        });

    private async Task Screenshot(ChromiumSession browser, string name)
    {
        Directory.CreateDirectory(ReportPageFixture.ScreenshotFolder);
        var path = Path.Combine(ReportPageFixture.ScreenshotFolder, name);
        await File.WriteAllBytesAsync(path, await browser.ScreenshotFullPageAsync());
        output.WriteLine("screenshot: " + path);
    }

    /// <summary>Console errors, uncaught exceptions, browser log errors (CSP blocks, failed loads) and any fetch that is not data: or the file itself.</summary>
    private void AssertNoErrorsOrRequests(IReadOnlyList<(string Method, JsonElement Params)> events)
    {
        var problems = new List<string>();
        foreach (var (method, p) in events)
        {
            switch (method)
            {
                case "Runtime.consoleAPICalled" when p.GetProperty("type").GetString() is "error" or "assert":
                case "Runtime.exceptionThrown":
                    problems.Add($"{method}: {p}");
                    break;
                case "Log.entryAdded" when p.GetProperty("entry").GetProperty("level").GetString() == "error":
                    problems.Add($"log: {p.GetProperty("entry").GetProperty("text").GetString()} ({p.GetProperty("entry").GetProperty("url")})");
                    break;
                case "Network.requestWillBeSent":
                    var url = p.GetProperty("request").GetProperty("url").GetString()!;
                    if (!url.StartsWith("data:", StringComparison.Ordinal) && url != fixture.ReportUrl)
                        problems.Add("request: " + url);
                    break;
            }
        }
        foreach (var problem in problems)
            output.WriteLine(problem);
        Assert.Empty(problems);
    }
}
