using MMFuse.Evaluation.MultiLabel;

namespace MMFuse.Tests.MultiLabel;

/// <summary>The multi-label metrics against scikit-learn 1.2.1 on fixed indicator matrices. The expected values were
/// printed by scikit-learn itself (accuracy_score, hamming_loss, f1_score(average=micro|macro|samples),
/// roc_auc_score(average="macro"), precision/recall/f1 per label) for exactly these vectors.</summary>
public sealed class MultiLabelMetricsTests
{
    private static readonly bool[][] Truth = Flags([[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 1], [0, 0, 0], [1, 1, 1]]);
    private static readonly bool[][] Predicted = Flags([[1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 0, 0], [0, 1, 1], [1, 0, 0], [1, 1, 0]]);
    private static readonly float[][] Scores =
    [
        [0.9f, 0.2f, 0.4f], [0.1f, 0.8f, 0.3f], [0.7f, 0.45f, 0.2f], [0.3f, 0.1f, 0.6f],
        [0.45f, 0.3f, 0.1f], [0.2f, 0.9f, 0.7f], [0.55f, 0.2f, 0.35f], [0.8f, 0.6f, 0.45f],
    ];

    [Fact]
    public void Every_metric_equals_scikit_learns()
    {
        var m = MultiLabelMetrics.Compute(Truth, Predicted, Scores);
        Assert.Equal(0.375, m["subset_accuracy"], 12);
        Assert.Equal(0.20833333333333334, m["hamming_loss"], 12);
        Assert.Equal(0.761904761904762, m["micro_f1"], 12);
        Assert.Equal(0.7579365079365079, m["macro_f1"], 12);
        Assert.Equal(0.6416666666666666, m["samples_f1"], 12);
        Assert.Equal(0.9791666666666666, m["roc_auc"], 12);
    }

    [Fact]
    public void Per_label_scores_equal_scikit_learns()
    {
        var expected = new[] { (0.75, 0.75, 0.75, 0.9375), (1.0, 0.75, 0.8571428571428571, 1.0), (1.0, 0.5, 0.6666666666666666, 1.0) };
        for (var l = 0; l < 3; l++)
        {
            var s = MultiLabelMetrics.Label("l" + l, Truth, Predicted, Scores, l);
            Assert.Equal(4, s.Support);
            Assert.Equal(expected[l].Item1, s.Precision, 12);
            Assert.Equal(expected[l].Item2, s.Recall, 12);
            Assert.Equal(expected[l].Item3, s.F1, 12);
            Assert.Equal(expected[l].Item4, s.RocAuc, 12);
        }
    }

    [Fact]
    public void A_row_with_no_true_and_no_predicted_label_scores_zero_in_samples_f1_as_scikit_learn_does()
    {
        // f1_score([[0,0],[1,0],[0,1]], [[0,0],[1,0],[1,1]], average=...) in scikit-learn 1.2.1.
        var m = MultiLabelMetrics.Compute(Flags([[0, 0], [1, 0], [0, 1]]), Flags([[0, 0], [1, 0], [1, 1]]), [[0f, 0f], [1f, 0f], [1f, 1f]]);
        Assert.Equal(0.5555555555555555, m["samples_f1"], 12);
        Assert.Equal(0.8333333333333333, m["macro_f1"], 12);
        Assert.Equal(0.8, m["micro_f1"], 12);
    }

    [Fact]
    public void Label_set_codes_round_trip_and_refuse_too_many_labels()
    {
        var set = new[] { true, false, true, true, false };
        Assert.Equal(set, LabelSetCode.Decode(LabelSetCode.Encode(set), set.Length));
        var widest = Enumerable.Repeat(true, LabelSetCode.MaxLabels).ToArray();
        Assert.Equal(widest, LabelSetCode.Decode(LabelSetCode.Encode(widest), widest.Length));
        Assert.Throws<ArgumentException>(() => LabelSetCode.Encode(new bool[LabelSetCode.MaxLabels + 1]));
    }

    private static bool[][] Flags(int[][] rows) => rows.Select(r => r.Select(v => v == 1).ToArray()).ToArray();
}
