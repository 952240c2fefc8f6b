using System.Text.Json.Nodes;

namespace MMFuse.Tests.Cli;

/// <summary>--calibrate and --coverage end to end: evaluate reports them per fold, train keeps them in the model, predict writes the sets.</summary>
public sealed class CalibrationCommandTests
{
    private static string Manifest => TestPaths.Samples("avdigits", "avdigits.csv");

    [Fact]
    public void Evaluate_reports_ece_before_and_after_and_coverage_per_fold()
    {
        using var dir = new TempDirectory();
        var (code, output, error) = CliRunner.Run("evaluate", Manifest, "--label", "digit", "--cv", "3", "--calibrate", "temperature", "--coverage", "0.9",
            "--cache", dir.File("cache"), "--json", dir.File("e.json"), "--report", dir.File("r.html"));
        Assert.True(code == 0, error);
        Assert.Contains("ECE after", output);
        var report = File.ReadAllText(dir.File("r.html"));
        Assert.Contains("Recalibration and conformal prediction", report);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(report.Split("Recalibration and conformal prediction")[1].Split("</table>")[0], "<tr").Count - 1);
        var calibration = JsonNode.Parse(File.ReadAllText(dir.File("e.json")))!["calibration"]!;
        Assert.Equal("temperature", calibration["kind"]!.GetValue<string>());
        Assert.Equal(3, calibration["per_fold"]!.AsArray().Count);
        Assert.InRange(calibration["coverage"]!.GetValue<double>(), 0.7, 1.0);
        Assert.InRange(calibration["mean_set_size"]!.GetValue<double>(), 1.0, 10.0);
    }

    [Fact]
    public void A_model_trained_with_a_coverage_predicts_sets_that_hold_the_predicted_class()
    {
        using var dir = new TempDirectory();
        var model = dir.File("m.mmf");
        var (code, _, error) = CliRunner.Run("train", Manifest, "--label", "digit", "--calibrate", "temperature", "--coverage", "0.9",
            "--cache", dir.File("cache"), "--out", model);
        Assert.True(code == 0, error);
        (code, _, error) = CliRunner.Run("predict", model, Manifest, "--cache", dir.File("cache"), "--out", dir.File("p.csv"));
        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(dir.File("p.csv"));
        Assert.EndsWith(",set", lines[0]);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            Assert.Contains(cells[1], cells[^1].Split('|'));
        }
        using var loaded = MultimodalModel.Load(model);
        Assert.Equal(0.9, loaded.Calibration!.Coverage);
        Assert.True(loaded.Calibration.Calibrator.Temperature > 0);
    }

    [Fact]
    public void An_unknown_calibration_is_a_usage_error()
    {
        var (code, _, error) = CliRunner.Run("evaluate", Manifest, "--label", "digit", "--calibrate", "platt");
        Assert.Equal(2, code);
        Assert.Contains("--calibrate: 'platt'", error);
    }
}
