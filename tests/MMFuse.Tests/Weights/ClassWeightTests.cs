using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;

namespace MMFuse.Tests.Weights;

/// <summary>Class weighting under cross-validation: counted on each fold's training rows, and it helps the rare class.</summary>
public sealed class ClassWeightTests
{
    [Fact]
    public void Balanced_class_weight_raises_balanced_accuracy_on_an_imbalanced_table()
    {
        var (features, targets) = Imbalanced(rows: 400, rareShare: 0.05, seed: 11);
        var folds = Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, 5, Seed: 1), targets.Length, targets.Select(t => (int)t).ToArray());

        double BalancedAccuracy(SampleWeighting? weighting) => CrossValidator.Run(features, targets, TaskKind.Binary, 2, folds,
            new EarlyFusionStrategy("logreg"), NormalizeMode.ZScore, 42, weighting: weighting).Metrics["balanced_accuracy"].Mean;
        var plain = BalancedAccuracy(null);
        var balanced = BalancedAccuracy(new SampleWeighting(null, ClassWeight.Balanced));

        Assert.True(balanced > plain + 0.1, $"balanced accuracy {plain:F3} unweighted, {balanced:F3} with balanced class weights");
    }

    [Fact]
    public void Balanced_weights_are_counted_on_the_training_rows_only_and_multiply_the_sample_weights()
    {
        float[] targets = [0, 0, 0, 1, 1, 1, 1, 1];
        var weighting = new SampleWeighting([1, 1, 2, 3, 1, 1, 1, 1], ClassWeight.Balanced);

        // Training rows 0..3: three of class 0, one of class 1 → 4/(2·3) and 4/(2·1); the test rows' classes do not count.
        var weights = weighting.ForTraining([0, 1, 2, 3], targets, TaskKind.Binary, 2, copies: 2)!;

        Assert.Equal([2 / 3f, 2 / 3f, 4 / 3f, 6f, 2 / 3f, 2 / 3f, 4 / 3f, 6f], weights, new FloatTolerance(1e-6f));
        Assert.Equal([1f, 1f], weighting.ForTest([5, 6])!);
        Assert.Null(new SampleWeighting(null, ClassWeight.Balanced).ForTest([0]));
        Assert.Null(new SampleWeighting(null).ForTraining([0, 1], targets, TaskKind.Binary, 2));
    }

    [Fact]
    public void Cross_validated_metrics_are_the_weighted_metrics_of_the_fold_predictions()
    {
        var (features, targets) = Imbalanced(rows: 120, rareShare: 0.3, seed: 5);
        var rowWeights = Enumerable.Range(0, targets.Length).Select(r => (float)(r % 4)).ToArray();
        var folds = Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, 3, Seed: 2), targets.Length, targets.Select(t => (int)t).ToArray());

        var result = CrossValidator.Run(features, targets, TaskKind.Binary, 2, folds, new EarlyFusionStrategy("logreg"), NormalizeMode.ZScore, 42,
            weighting: new SampleWeighting(rowWeights));

        for (var f = 0; f < folds.Count; f++)
        {
            var labels = folds[f].Test.Select(i => (int)targets[i]).ToArray();
            var weights = folds[f].Test.Select(i => rowWeights[i]).ToArray();
            var expected = ClassificationMetrics.Compute(result.FoldPredictions[f], labels, 2, weights);
            Assert.Equal(expected.Accuracy, result.FoldScores[f]["accuracy"]);
            Assert.Equal(expected.RocAuc, result.FoldScores[f]["roc_auc"]);
            Assert.Equal(expected.LogLoss, result.FoldScores[f]["log_loss"]);
        }
    }

    /// <summary>One block of two overlapping Gaussian features; class 1 (centred at 1.2) is <paramref name="rareShare"/> of the rows.</summary>
    internal static (FeatureSet Features, float[] Targets) Imbalanced(int rows, double rareShare, int seed)
    {
        var random = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var rare = (int)Math.Round(rows * rareShare);
        var targets = Enumerable.Range(0, rows).Select(r => r % (rows / rare) == 0 && r / (rows / rare) < rare ? 1f : 0f).ToArray();
        var x = targets.Select(t => new[] { (float)(1.2 * t + Gaussian()), (float)(1.2 * t + Gaussian()) }).ToArray();
        var block = new FeatureBlock("x", "test", 2, x, Enumerable.Repeat(true, rows).ToArray());
        return (new FeatureSet(rows, [block], [], []), targets);
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(float obj) => 0;
    }
}
