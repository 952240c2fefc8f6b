using MMFuse.Evaluation;

namespace MMFuse.Tests.Evaluation;

/// <summary>Hand-checkable metric cases and edge cases beyond the scikit-learn fixture.</summary>
public sealed class MetricsTests
{
    [Fact]
    public void Auc_counts_a_tie_as_one_half()
    {
        // One positive and one negative with the same score: AUC 0.5; a perfect ranking: 1.
        Assert.Equal(0.5, RocAuc.Binary([0.3, 0.3], [true, false]));
        Assert.Equal(1.0, RocAuc.Binary([0.1, 0.2, 0.9], [false, false, true]));
        Assert.True(double.IsNaN(RocAuc.Binary([0.1, 0.2], [true, true])));
    }

    [Fact]
    public void Log_loss_clips_a_confident_mistake()
    {
        var report = ClassificationMetrics.Compute([[1f, 0f], [0f, 1f]], [1, 1], 2);
        Assert.Equal(-Math.Log(1e-15) / 2, report.LogLoss, 1e-9);
    }

    [Fact]
    public void Perfectly_calibrated_confidence_has_zero_ece()
    {
        // Confidence 0.75 in one bin, 3 of 4 right.
        float[][] p = [[0.75f, 0.25f], [0.75f, 0.25f], [0.75f, 0.25f], [0.75f, 0.25f]];
        Assert.Equal(0.0, ClassificationMetrics.ExpectedCalibrationError(p, [0, 0, 0, 1]), 1e-12);
    }

    [Fact]
    public void Constant_target_r2_follows_scikit_learn()
    {
        Assert.Equal(1.0, RegressionMetrics.Compute([2f, 2f], [2f, 2f]).R2);
        Assert.Equal(0.0, RegressionMetrics.Compute([1f, 3f], [2f, 2f]).R2);
    }

    [Fact]
    public void Bad_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([[0.5f, 0.5f]], [2], 2));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([[0.5f, float.NaN]], [0], 2));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([[1f, 0f, 0f]], [0], 2));
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1f], [1f, 2f]));
    }
}
