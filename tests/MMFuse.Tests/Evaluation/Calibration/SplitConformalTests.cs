using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Calibration;

namespace MMFuse.Tests.Evaluation.Calibration;

/// <summary>Split-conformal sets and intervals cover the truth at the rate asked, within sampling error, on exchangeable synthetic rows.</summary>
public sealed class SplitConformalTests
{
    [Theory]
    [InlineData(0.9)]
    [InlineData(0.8)]
    public void Class_sets_cover_the_truth_at_the_target_rate(double coverage)
    {
        var (calibration, calibrationLabels) = Sample(2000, seed: 11);
        var (test, testLabels) = Sample(5000, seed: 12);
        var q = SplitConformal.Quantile(SplitConformal.ClassScores(calibration, calibrationLabels), coverage);
        var sets = test.Select(p => SplitConformal.Set(p, q)).ToList();
        var covered = sets.Select((s, i) => s.Contains(testLabels[i]) ? 1.0 : 0.0).Average();
        // Sampling error of a 5,000-row proportion near 0.9 is 0.004; conformal adds at most 1/(n+1) above the target.
        Assert.InRange(covered, coverage - 0.02, coverage + 0.02);
        Assert.True(sets.Average(s => s.Length) < 4, "sets must be informative, not every class");
    }

    [Fact]
    public void Regression_intervals_cover_the_truth_at_the_target_rate()
    {
        var random = new Random(13);
        double Noise() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var q = SplitConformal.Quantile(Enumerable.Range(0, 2000).Select(_ => Math.Abs(Noise())).ToList(), 0.9);
        var covered = Enumerable.Range(0, 5000).Select(_ => Math.Abs(Noise()) <= q ? 1.0 : 0.0).Average();
        Assert.InRange(covered, 0.88, 0.92);
        Assert.InRange(q, 1.5, 1.8); // |N(0,1)|'s 90 % quantile is 1.645
    }

    [Fact]
    public void Too_few_calibration_rows_for_the_coverage_give_every_class()
    {
        Assert.Equal(double.PositiveInfinity, SplitConformal.Quantile([0.1, 0.2], 0.9));
        Assert.Equal(3, SplitConformal.Set([0.2f, 0.5f, 0.3f], double.PositiveInfinity).Length);
        Assert.Equal([1], SplitConformal.Set([0.2f, 0.5f, 0.3f], -1));
    }

    [Fact]
    public void Cross_fitted_evaluation_reports_coverage_and_ece_per_fold()
    {
        var (calibrated, y) = Sample(900, seed: 14);
        // The model squares its probabilities: over-confident, with continuous scores (conformal is exact for those).
        var p = calibrated.Select(r => { var s = r.Select(v => v * v).ToArray(); return s.Select(v => v / s.Sum()).ToArray(); }).ToList();
        var folds = Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, 3, 1, 1), p.Count, y.ToArray(), null);
        var predictions = folds.Select(f => f.Test.Select(i => p[i]).ToArray()).ToList();
        var scores = folds.Select(_ => (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { ["accuracy"] = 0 }).ToList();
        var result = new CrossValidationResult("s", "early", folds, scores, new Dictionary<string, MetricSummary>(), predictions, 0);
        var calibration = CalibrationEvaluation.Run(result, y.Select(v => (float)v).ToArray(), TaskKind.Multiclass,
            Enumerable.Repeat("all present", p.Count).ToList(), CalibrationKind.Temperature, 0.9);
        Assert.Equal(3, calibration.Folds.Count);
        Assert.True(calibration.Mean(f => f.EceAfter) < calibration.Mean(f => f.EceBefore) / 3);
        Assert.InRange(calibration.Mean(f => f.Coverage), 0.84, 0.96);

        var holdout = result with { Folds = [folds[0] with { Index = 0 }], FoldPredictions = [predictions[0]] };
        Assert.NotNull(CalibrationEvaluation.Run(holdout, y.Select(v => (float)v).ToArray(), TaskKind.Multiclass, [], CalibrationKind.Temperature, 0.9).Note);
    }

    /// <summary>Rows whose labels are drawn from the model's own probabilities (a calibrated model).</summary>
    private static (List<float[]>, List<int>) Sample(int rows, int seed)
    {
        var random = new Random(seed);
        var probabilities = new List<float[]>();
        var labels = new List<int>();
        for (var i = 0; i < rows; i++)
        {
            var raw = Enumerable.Range(0, 5).Select(_ => Math.Pow(random.NextDouble(), 3)).ToArray();
            var p = raw.Select(v => (float)(v / raw.Sum())).ToArray();
            var u = random.NextDouble() * p.Sum();
            var label = 0;
            for (var acc = p[0]; acc < u && label < 4; acc += p[++label]) { }
            probabilities.Add(p);
            labels.Add(label);
        }
        return (probabilities, labels);
    }
}
