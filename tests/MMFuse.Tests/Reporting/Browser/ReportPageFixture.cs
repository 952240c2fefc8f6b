using MMFuse.Reporting;

namespace MMFuse.Tests.Reporting.Browser;

/// <summary>Writes the full sample report once and starts one browser for all the browser tests of a class.</summary>
public sealed class ReportPageFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public string ReportPath => _temp.File("report.html");

    public string ReportUrl => new Uri(ReportPath).AbsoluteUri;

    /// <summary>Screenshots go beside the test project's other results, so CI can keep them as artefacts.</summary>
    public static string ScreenshotFolder => Path.Combine(TestPaths.RepoRoot, "tests", "MMFuse.Tests", "TestResults", "report");

    internal ChromiumSession? Browser { get; private set; }

    public async Task InitializeAsync()
    {
        HtmlReportWriter.Write(ReportPath, SampleReports.Full());
        if (ChromiumLocator.Executable is string chromium)
        {
            Browser = await ChromiumSession.LaunchAsync(chromium);
            foreach (var domain in (string[])["Runtime.enable", "Log.enable", "Page.enable", "Network.enable"])
                await Browser.SendAsync(domain);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _temp.Dispose();
    }
}
