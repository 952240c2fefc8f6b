using System.Text.Json;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Tests.Evaluation;

namespace MMFuse.Tests.Weights;

/// <summary>Compares the weighted metrics and balanced class weights with scikit-learn's values (sample_weight,
/// compute_class_weight), committed as a fixture by tools/reference/weighted_metrics_reference.py.</summary>
public sealed class WeightedMetricsReferenceTests
{
    private const double Tolerance = 1e-12;
    private static readonly JsonElement Reference = ReferenceFixture.Load("weighted_metrics_reference.json");

    public static TheoryData<string> ClassificationCases() => ReferenceFixture.ClassificationCases(Reference);

    [Theory]
    [MemberData(nameof(ClassificationCases))]
    public void Weighted_classification_metrics_equal_scikit_learn(string name)
    {
        var (c, probabilities, labels, classes) = ReferenceFixture.Classification(Reference, name);
        var weights = Floats(c.GetProperty("weights"));

        var report = ClassificationMetrics.Compute(probabilities, labels, classes, weights);

        Assert.Equal(c.GetProperty("accuracy").GetDouble(), report.Accuracy, Tolerance);
        Assert.Equal(c.GetProperty("balanced_accuracy").GetDouble(), report.BalancedAccuracy, Tolerance);
        Assert.Equal(c.GetProperty("macro_f1").GetDouble(), report.MacroF1, Tolerance);
        Assert.Equal(c.GetProperty("log_loss").GetDouble(), report.LogLoss, Tolerance);
        Assert.Equal(c.GetProperty("roc_auc").GetDouble(), report.RocAuc, Tolerance);
        Assert.Equal(c.GetProperty("ece").GetDouble(), report.ExpectedCalibrationError, Tolerance);
        // The weights matter: the unweighted accuracy of the same predictions is another number.
        Assert.NotEqual(report.Accuracy, ClassificationMetrics.Compute(probabilities, labels, classes).Accuracy, Tolerance);
    }

    [Fact]
    public void Weighted_regression_metrics_equal_scikit_learn()
    {
        var r = Reference.GetProperty("regression");

        var report = RegressionMetrics.Compute(Floats(r.GetProperty("predictions")), Floats(r.GetProperty("targets")), Floats(r.GetProperty("weights")));

        Assert.Equal(r.GetProperty("rmse").GetDouble(), report.Rmse, Tolerance);
        Assert.Equal(r.GetProperty("mae").GetDouble(), report.Mae, Tolerance);
        Assert.Equal(r.GetProperty("r2").GetDouble(), report.R2, Tolerance);
    }

    [Fact]
    public void Balanced_class_weights_equal_scikit_learns_compute_class_weight()
    {
        var b = Reference.GetProperty("balanced_class_weight");
        var labels = Floats(b.GetProperty("labels"));

        var weights = SampleWeighting.Balanced(labels, b.GetProperty("classes").GetInt32());

        Assert.Equal(b.GetProperty("row_weights").EnumerateArray().Select(v => v.GetDouble()), weights.Select(w => (double)w), new ToleranceComparer(1e-6));
    }

    [Fact]
    public void Fold_scorer_weights_every_metric_and_unit_weights_change_nothing()
    {
        float[][] p = [[0.9f, 0.1f], [0.4f, 0.6f], [0.3f, 0.7f], [0.6f, 0.4f]];
        float[] y = [0, 0, 1, 1];

        var plain = FoldScorer.Score(TaskKind.Binary, 2, p, y);
        var ones = FoldScorer.Score(TaskKind.Binary, 2, p, y, [1, 1, 1, 1]);
        var weighted = FoldScorer.Score(TaskKind.Binary, 2, p, y, [1, 0, 1, 0]);

        Assert.Equal(plain, ones);
        Assert.Equal(0.5, plain["accuracy"]);
        Assert.Equal(1.0, weighted["accuracy"]);   // the two misses weigh nothing
        Assert.Equal(1.0, weighted["roc_auc"]);
    }

    [Fact]
    public void Metrics_refuse_negative_or_missing_weights()
    {
        float[][] p = [[0.9f, 0.1f], [0.4f, 0.6f]];
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(p, [0, 1], 2, [1, -1]));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(p, [0, 1], 2, [1]));
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1f, 2f], [1f, 2f], [float.NaN, 1]));
    }

    private static float[] Floats(JsonElement array) => ReferenceFixture.Floats(array);

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
