using System.Text.Json.Nodes;

namespace MMFuse.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_inspects_both_embedded_samples()
    {
        using var dir = new TempDirectory();
        var (code, output, error) = CliRunner.Run("demo", "--out", dir.Path);
        Assert.True(code == 0, error);
        Assert.Contains("emoji.csv", output);
        Assert.Contains("avdigits.csv", output);
        var avdigits = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.Path, "inspect-avdigits.json")))!;
        Assert.Equal(120, avdigits["rows"]!.GetValue<long>());
        Assert.Equal(10, avdigits["label"]!["classes"]!.AsObject().Count);
        Assert.True(File.Exists(Path.Combine(dir.Path, "inspect-emoji.json")));
    }
}
