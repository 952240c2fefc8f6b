using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Analysis;

namespace MMFuse.Tests.Evaluation.Analysis;

public sealed class UncertaintyTests
{
    [Fact]
    public void Bootstrap_intervals_contain_the_estimate_narrow_with_more_rows_and_repeat_with_the_seed()
    {
        var small = BootstrapInterval.Of(AnalysisTestData.Pool(100, 0.7), TaskKind.Multiclass, 3, samples: 400, seed: 4);
        var large = BootstrapInterval.Of(AnalysisTestData.Pool(1600, 0.7), TaskKind.Multiclass, 3, samples: 400, seed: 4, parallelism: 2);
        Assert.Equal(FoldScorer.ClassificationMetricNames, small.Select(i => i.Metric));
        foreach (var interval in small.Concat(large))
        {
            Assert.True(interval.Lower <= interval.Estimate && interval.Estimate <= interval.Upper, interval.ToString());
            Assert.Equal(400, interval.Samples);
            Assert.Equal(0.95, interval.Level, 12);
        }
        var (s, l) = (small.Single(i => i.Metric == "accuracy"), large.Single(i => i.Metric == "accuracy"));
        // Width shrinks as 1/sqrt(n): 16 times the rows, about a quarter of the width.
        Assert.InRange((l.Upper - l.Lower) / (s.Upper - s.Lower), 0.15, 0.4);
        // The binomial standard error of 0.7 over 100 rows is 0.046: the 95 % interval is about ±0.09.
        Assert.InRange(s.Upper - s.Lower, 0.13, 0.23);
        Assert.Equal(small, BootstrapInterval.Of(AnalysisTestData.Pool(100, 0.7), TaskKind.Multiclass, 3, samples: 400, seed: 4, parallelism: 2));
    }

    [Fact]
    public void Student_t_tail_matches_table_values()
    {
        Assert.Equal(0.05, PairedComparison.TwoSidedP(2.776, 4), 3);
        Assert.Equal(0.05, PairedComparison.TwoSidedP(-2.262, 9), 3);
        Assert.Equal(0.01, PairedComparison.TwoSidedP(4.604, 4), 4);
        Assert.Equal(0.5, PairedComparison.TwoSidedP(1, 1), 12); // Cauchy: P(|T| > 1) = 1/2 exactly
        Assert.Equal(1, PairedComparison.TwoSidedP(0, 3), 12);
        Assert.Equal(0.05, PairedComparison.TwoSidedP(1.959964, 1e7), 4);
    }

    [Fact]
    public void The_corrected_t_statistic_follows_nadeau_and_bengio()
    {
        // d = 1..5: mean 3, sample variance 2.5; with n_test/n_train = 0.25, t = 3 / sqrt((1/5 + 0.25) · 2.5) = 2.8284.
        var (t, p) = PairedComparison.Test([1, 2, 3, 4, 5], 0.25);
        Assert.Equal(3 / Math.Sqrt(1.125), t, 12);
        Assert.Equal(PairedComparison.TwoSidedP(t, 4), p, 12);
        Assert.Equal((0.0, 1.0), PairedComparison.Test([0.0, 0.0, 0.0, 0.0, 0.0], 0.25));
        Assert.True(double.IsNaN(PairedComparison.Test([0.2], 0.25).P));
    }

    [Fact]
    public void Identical_strategies_are_not_different_and_a_consistent_gain_is_significant()
    {
        double[] baseline = [0.80, 0.78, 0.83, 0.79, 0.81, 0.80, 0.82, 0.77, 0.80, 0.84];
        var a = Result("A", baseline);
        var same = PairedComparison.Of(a, Result("B", baseline), "accuracy");
        Assert.Equal(1, same.PValue, 12);
        Assert.Equal("A and B are not significantly different on accuracy (p = 1)", same.Verdict);

        var better = Result("C", baseline.Select((v, i) => v + 0.05 + (i % 2 == 0 ? 0.005 : -0.005)).ToArray());
        var test = PairedComparison.Of(better, a, "accuracy");
        Assert.True(test.PValue < 0.001, test.ToString());
        Assert.Equal(9, test.DegreesOfFreedom);
        Assert.Equal("C is better than A on accuracy (p < 0.001)", test.Verdict);
        Assert.Equal("C is better than A on accuracy (p < 0.001)", PairedComparison.Of(a, better, "accuracy").Verdict);

        var noisy = Result("D", baseline.Select((v, i) => v + (i % 2 == 0 ? 0.03 : -0.025)).ToArray());
        Assert.Matches(@"^D and A are not significantly different on accuracy \(p = 0\.\d+\)$", PairedComparison.Of(noisy, a, "accuracy").Verdict);
    }

    [Fact]
    public void Lower_is_better_metrics_name_the_lower_one_the_winner()
    {
        double[] low = [1.0, 1.1, 0.9, 1.0, 1.05];
        var test = PairedComparison.Of(Result("low", low, "rmse"), Result("high", low.Select(v => v * 2).ToArray(), "rmse"), "rmse");
        Assert.StartsWith("low is better than high on rmse", test.Verdict);
    }

    [Fact]
    public void Strategies_on_different_folds_cannot_be_paired()
    {
        var a = Result("A", [0.8, 0.7]);
        var b = a with { Strategy = "B", Folds = a.Folds.Select(f => f with { Test = f.Train, Train = f.Test }).ToArray() };
        Assert.Throws<ArgumentException>(() => PairedComparison.Of(a, b, "accuracy"));
    }

    private static CrossValidationResult Result(string name, double[] perFold, string metric = "accuracy")
    {
        // Folds of 10 test rows out of 50 (n_test/n_train = 0.25), the same for every strategy.
        var folds = perFold.Select((_, f) => new Fold(f / 5, f % 5, Enumerable.Range(0, 40).ToArray(), Enumerable.Range(40, 10).ToArray())).ToArray();
        var scores = perFold.Select(v => (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { [metric] = v }).ToArray();
        return new CrossValidationResult(name, "test", folds, scores, new Dictionary<string, MetricSummary> { [metric] = MetricSummary.Of(perFold) },
            [], 0);
    }
}
