using MMFuse.Reporting;
using MMFuse.Tests.Reporting;

namespace MMFuse.Tests.Weights;

/// <summary>The report's leaderboard says when its metrics are weighted, and says nothing when nothing is.</summary>
public sealed class WeightingReportTests
{
    [Fact]
    public void The_leaderboard_note_on_weighting_is_shown_only_when_given()
    {
        var full = SampleReports.Full();
        const string note = "Weighting: sample weights (column w). The leaderboard's metrics are weighted by column 'w'";

        var weighted = HtmlReportWriter.Render(full with { Leaderboard = full.Leaderboard! with { Weighting = note } }, new HtmlReportOptions());
        var plain = HtmlReportWriter.Render(full, new HtmlReportOptions());

        Assert.Contains("The leaderboard&#39;s metrics are weighted by column &#39;w&#39;", weighted.Replace("&#x27;", "&#39;"));
        Assert.DoesNotContain("Weighting:", plain);
    }
}
