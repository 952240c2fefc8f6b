using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Analysis;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Tests.Evaluation.Analysis;

public sealed class PooledAnalysisTests
{
    [Fact]
    public void Reliability_bins_cover_every_row_and_give_the_metric_s_ece()
    {
        var pool = AnalysisTestData.Pool(500, 0.6);
        var diagram = ReliabilityDiagram.Of(pool);
        Assert.Equal(15, diagram.Bins.Count);
        Assert.Equal(500, diagram.Bins.Sum(b => b.Count));
        Assert.Equal(ClassificationMetrics.ExpectedCalibrationError(pool.Predictions, pool.Targets.Select(t => (int)t).ToArray()), diagram.Ece, 12);
        Assert.All(diagram.Bins.Where(b => b.Count == 0), b => Assert.Null(b.Accuracy));
        Assert.All(diagram.Bins.Where(b => b.Count > 0), b => Assert.InRange(b.MeanConfidence!.Value, b.Lower, b.Upper));
    }

    [Fact]
    public void A_known_reliability_diagram()
    {
        // Two rows at 0.9 (one right), one at 0.5 (right): bins (13/15, 14/15] and (7/15, 8/15].
        var pool = new OutOfFoldPredictions([0, 1, 2], [[0.9f, 0.1f], [0.9f, 0.1f], [0.5f, 0.5f]], [0, 1, 0]);
        var diagram = ReliabilityDiagram.Of(pool);
        Assert.Equal(2, diagram.Bins[13].Count);
        Assert.Equal(0.5, diagram.Bins[13].Accuracy!.Value, 12);
        Assert.Equal(0.9, diagram.Bins[13].MeanConfidence!.Value, 6);
        Assert.Equal(1, diagram.Bins[7].Count);
        Assert.Equal(2.0 / 3 * 0.4 + 1.0 / 3 * 0.5, diagram.Ece, 6);
    }

    [Fact]
    public void Confidently_wrong_rows_are_wrong_and_sorted_by_confidence()
    {
        var pool = AnalysisTestData.Pool(300, 0.6);
        var errors = ConfidentError.MostConfident(pool, 10);
        Assert.Equal(10, errors.Count);
        foreach (var e in errors)
        {
            Assert.NotEqual(e.TrueClass, e.PredictedClass);
            Assert.Equal((int)pool.Targets[e.Row], e.TrueClass);
            Assert.Equal(pool.Predictions[e.Row].Max(), e.Confidence, 6);
        }
        Assert.Equal(errors.OrderByDescending(e => e.Confidence).Select(e => e.Row), errors.Select(e => e.Row));
        var worstRight = Enumerable.Range(0, 300).Where(i => Array.IndexOf(pool.Predictions[i], pool.Predictions[i].Max()) != (int)pool.Targets[i])
            .Max(i => (double)pool.Predictions[i].Max());
        Assert.Equal(worstRight, errors[0].Confidence, 6);
    }

    [Fact]
    public void Pooling_keeps_repeat_0_in_row_order()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 60, repeats: 2);
        var cv = CrossValidator.Run(features, targets, TaskKind.Multiclass, 3, folds, new CentroidStrategy(), NormalizeMode.ZScore, 1);
        var pool = OutOfFoldPredictions.Pool(cv, targets);
        Assert.Equal(Enumerable.Range(0, 60), pool.Rows);
        var first = folds.First(f => f.Repeat == 0 && f.Test.Contains(7));
        Assert.Equal(cv.FoldPredictions[folds.ToList().IndexOf(first)][Array.IndexOf(first.Test, 7)], pool.Predictions[7]);
        Assert.Equal(targets, pool.Targets);
    }

    [Fact]
    public void Per_class_f1_from_a_confusion_matrix()
    {
        // Class 0: TP 3, FN 1, FP 1 → 6/8; class 1: TP 2, FN 1, FP 1 → 4/6; class 2 never seen nor predicted → 0.
        int[][] confusion = [[3, 1, 0], [1, 2, 0], [0, 0, 0]];
        Assert.Equal([0.75, 4.0 / 6, 0], AnalysisRunner.PerClassF1(confusion));
    }

    [Fact]
    public void The_analysis_serialises_to_snake_case_json_and_back()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 60);
        var result = AnalysisRunner.Run(features, targets, TaskKind.Multiclass, 3, folds, new CentroidStrategy(), NormalizeMode.ZScore, 1,
            new AnalysisOptions { BootstrapSamples = 30, ConfidentErrors = 3 });
        Assert.Equal(3, result.PerClassF1!.Count);
        Assert.Equal(60, result.ConfusionMatrix!.Sum(r => r.Sum()));
        Assert.Equal(60, result.Calibration!.Rows);

        var json = AnalysisJson.Serialize(result);
        Assert.Contains("\"reliance_drop\"", json);
        Assert.Contains("\"effective_robustness\"", json);
        Assert.Contains("\"per_class_f1\"", json);
        Assert.Contains("\"balanced_accuracy\"", json); // metric names stay as they are
        var back = AnalysisJson.Deserialize<AnalysisResult>(json);
        Assert.Equal(json, AnalysisJson.Serialize(back));
    }
}
