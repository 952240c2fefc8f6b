using System.Text.Json;
using MMFuse.Evaluation;

namespace MMFuse.Tests.Evaluation;

/// <summary>Compares the metrics with scikit-learn's values, committed as a fixture by
/// tools/reference/metrics_reference.py (inputs are float32, so the C# floats hold them exactly).</summary>
public sealed class MetricsReferenceTests
{
    private const double Tolerance = 1e-12;
    private static readonly JsonElement Reference = ReferenceFixture.Load("metrics_reference.json");

    public static TheoryData<string> ClassificationCases() => ReferenceFixture.ClassificationCases(Reference);

    [Theory]
    [MemberData(nameof(ClassificationCases))]
    public void Classification_metrics_equal_scikit_learn(string name)
    {
        var (c, probabilities, labels, classes) = ReferenceFixture.Classification(Reference, name);

        var report = ClassificationMetrics.Compute(probabilities, labels, classes);

        Assert.Equal(c.GetProperty("accuracy").GetDouble(), report.Accuracy, Tolerance);
        Assert.Equal(c.GetProperty("balanced_accuracy").GetDouble(), report.BalancedAccuracy, Tolerance);
        Assert.Equal(c.GetProperty("macro_f1").GetDouble(), report.MacroF1, Tolerance);
        Assert.Equal(c.GetProperty("log_loss").GetDouble(), report.LogLoss, Tolerance);
        Assert.Equal(c.GetProperty("roc_auc").GetDouble(), report.RocAuc, Tolerance);
        Assert.Equal(c.GetProperty("ece").GetDouble(), report.ExpectedCalibrationError, Tolerance);
        Assert.Equal(c.GetProperty("confusion").EnumerateArray().Select(Ints), report.ConfusionMatrix);
    }

    [Fact]
    public void Regression_metrics_equal_scikit_learn()
    {
        var r = Reference.GetProperty("regression");
        float[] Floats(string key) => r.GetProperty(key).EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();

        var report = RegressionMetrics.Compute(Floats("predictions"), Floats("targets"));

        Assert.Equal(r.GetProperty("rmse").GetDouble(), report.Rmse, Tolerance);
        Assert.Equal(r.GetProperty("mae").GetDouble(), report.Mae, Tolerance);
        Assert.Equal(r.GetProperty("r2").GetDouble(), report.R2, Tolerance);
    }

    [Fact]
    public void Stratified_folds_hold_scikit_learns_class_counts()
    {
        var s = Reference.GetProperty("stratified_kfold");
        var labels = Ints(s.GetProperty("labels"));
        var expected = s.GetProperty("test_class_counts").EnumerateArray().Select(Ints).ToArray();

        foreach (var seed in new[] { 0, 1, 99 })
        {
            var folds = Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, Folds: 5, Seed: seed), labels.Length, labels);
            var counts = folds.Select(f => Enumerable.Range(0, 3).Select(c => f.Test.Count(i => labels[i] == c)).ToArray());
            Assert.Equal(expected, counts);
        }
    }

    [Fact]
    public void Kfold_sizes_equal_scikit_learns()
    {
        var k = Reference.GetProperty("kfold");
        var folds = Splitter.Split(new SplitSpec(SplitKind.KFold, k.GetProperty("folds").GetInt32()), k.GetProperty("rows").GetInt32());
        Assert.Equal(Ints(k.GetProperty("test_sizes")), folds.Select(f => f.Test.Length));
    }

    private static int[] Ints(JsonElement array) => ReferenceFixture.Ints(array);
}
