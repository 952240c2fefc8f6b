using System.Globalization;
using MMFuse.Tests.Cli;

namespace MMFuse.Tests.Bundle;

/// <summary>A model file written by an earlier version still loads and predicts the numbers it predicted then.</summary>
public sealed class ModelCompatibilityTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "models", name);

    [Fact]
    public void A_format_1_model_predicts_what_it_predicted_when_it_was_written()
    {
        using var dir = new TempDirectory();
        var output = dir.File("p.csv");
        var (code, _, error) = CliRunner.Run("predict", Fixture("avdigits-early-logreg-v1.mmf"), TestPaths.Samples("avdigits", "avdigits.csv"),
            "--out", output, "--cache", dir.File("cache"));
        Assert.True(code == 0, error);

        var expected = File.ReadAllLines(Fixture("avdigits-early-logreg-v1.predictions.csv"));
        var actual = File.ReadAllLines(output);
        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 1; i < expected.Length; i++)
        {
            var (e, a) = (expected[i].Split(','), actual[i].Split(','));
            Assert.Equal(e[..2], a[..2]); // id and predicted class
            for (var c = 2; c < e.Length; c++)
                Assert.Equal(float.Parse(e[c], CultureInfo.InvariantCulture), float.Parse(a[c], CultureInfo.InvariantCulture), 6);
        }
    }
}
