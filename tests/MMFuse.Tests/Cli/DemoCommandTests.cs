using System.Text.Json.Nodes;

namespace MMFuse.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_inspects_both_samples_compares_and_trains_the_winner()
    {
        using var dir = new TempDirectory();
        var (code, output, error) = CliRunner.Run("demo", "--out", dir.Path);
        Assert.True(code == 0, error);
        Assert.Contains("leaderboard", output);
        var avdigits = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.Path, "inspect-avdigits.json")))!;
        Assert.Equal(120, avdigits["rows"]!.GetValue<long>());
        Assert.Equal(10, avdigits["label"]!["classes"]!.AsObject().Count);
        Assert.True(File.Exists(Path.Combine(dir.Path, "inspect-emoji.json")));
        var model = Path.Combine(dir.Path, "model.mmf");
        Assert.True(File.Exists(model));
        var report = File.ReadAllText(Path.Combine(dir.Path, "report.html"));
        Assert.Contains("Leaderboard", report);
        Assert.Contains("Modality contribution", report);

        // The model it wrote predicts the sample.
        var predictions = Path.Combine(dir.Path, "p.csv");
        (code, _, error) = CliRunner.Run("predict", model, TestPaths.Samples("emoji", "emoji.csv"), "--out", predictions, "--cache", Path.Combine(dir.Path, "cache"));
        Assert.True(code == 0, error);
        Assert.Equal(271, File.ReadAllLines(predictions).Length);
    }
}
