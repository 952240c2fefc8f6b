using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Calibration;

namespace MMFuse.Tests.Evaluation.Calibration;

/// <summary>Temperature scaling and isotonic regression fix over-confidence without changing the predicted class; per-pattern temperatures differ where patterns do.</summary>
public sealed class CalibrationTests
{
    /// <summary>Rows whose top class is right with probability <paramref name="accuracy"/> while the model claims <paramref name="confidence"/>.</summary>
    internal static (List<float[]> Probabilities, List<int> Labels) Overconfident(int rows, int classes, double accuracy, double confidence, int seed)
    {
        var random = new Random(seed);
        var probabilities = new List<float[]>();
        var labels = new List<int>();
        for (var i = 0; i < rows; i++)
        {
            var top = random.Next(classes);
            var p = Enumerable.Repeat((float)((1 - confidence) / (classes - 1)), classes).ToArray();
            p[top] = (float)confidence;
            probabilities.Add(p);
            labels.Add(random.NextDouble() < accuracy ? top : (top + 1 + random.Next(classes - 1)) % classes);
        }
        return (probabilities, labels);
    }

    [Fact]
    public void Temperature_scaling_cools_an_overconfident_model_and_keeps_its_classes()
    {
        var (p, y) = Overconfident(2000, 4, accuracy: 0.7, confidence: 0.98, seed: 1);
        var calibrator = Calibrator.Fit(CalibrationKind.Temperature, p, y, Enumerable.Repeat("all present", p.Count).ToList());
        Assert.True(calibrator.Temperature > 1.5, $"T = {calibrator.Temperature}");
        var calibrated = calibrator.Apply(p, Enumerable.Repeat("all present", p.Count).ToList());
        Assert.Equal(ClassificationMetrics.PredictedClasses(p), ClassificationMetrics.PredictedClasses(calibrated));
        var before = ClassificationMetrics.ExpectedCalibrationError(p, y);
        var after = ClassificationMetrics.ExpectedCalibrationError(calibrated, y);
        Assert.True(after < before / 4, $"ECE {before:F3} → {after:F3}");
        Assert.Equal(0.7, calibrated.Average(r => r.Max()), 1);
    }

    [Fact]
    public void Each_missingness_pattern_gets_its_own_temperature_and_rare_ones_fall_back()
    {
        var (complete, yComplete) = Overconfident(600, 3, accuracy: 0.95, confidence: 0.95, seed: 2);
        var (partial, yPartial) = Overconfident(600, 3, accuracy: 0.6, confidence: 0.95, seed: 3);
        var (rare, yRare) = Overconfident(10, 3, accuracy: 0.6, confidence: 0.95, seed: 4);
        var patterns = Enumerable.Repeat("all present", 600).Concat(Enumerable.Repeat("only audio", 600)).Concat(Enumerable.Repeat("other", 10)).ToList();
        var calibrator = Calibrator.Fit(CalibrationKind.Temperature, [.. complete, .. partial, .. rare], [.. yComplete, .. yPartial, .. yRare], patterns);
        Assert.True(calibrator.PatternTemperatures["only audio"] > calibrator.PatternTemperatures["all present"] * 1.5);
        Assert.False(calibrator.PatternTemperatures.ContainsKey("other"));
        var roundTrip = Calibrator.FromJson(System.Text.Json.Nodes.JsonNode.Parse(calibrator.ToJson().ToJsonString())!);
        var others = Enumerable.Repeat("other", rare.Count).ToList();
        Assert.Equal(calibrator.Apply(rare, others), roundTrip.Apply(rare, others));
        Assert.Equal(calibrator.Temperature, roundTrip.Temperature);
    }

    [Fact]
    public void Isotonic_calibration_is_monotone_and_matches_observed_frequencies()
    {
        var random = new Random(5);
        var scores = Enumerable.Range(0, 4000).Select(_ => random.NextDouble()).ToList();
        // The true frequency is the score squared: the model over-states every probability.
        var labels = scores.Select(s => random.NextDouble() < s * s ? 1 : 0).ToList();
        var isotonic = IsotonicCalibration.Fit(scores, labels);
        for (var i = 1; i < isotonic.Y.Length; i++)
            Assert.True(isotonic.Y[i] >= isotonic.Y[i - 1]);
        Assert.Equal(0.25, isotonic.Apply(0.5), 1);
        Assert.Equal(0.81, isotonic.Apply(0.9), 1);
        Assert.Throws<MMFuseInputException>(() => Calibrator.Fit(CalibrationKind.Isotonic, [new float[] { 0.2f, 0.3f, 0.5f }], [0], ["all present"]));
    }
}
