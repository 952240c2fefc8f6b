using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;

namespace MMFuse.Tests.Fusion;

/// <summary>Training with simulated absence: copies of the training rows with each modality absent, so a missing modality at prediction time is no surprise.</summary>
public sealed class AbsenceTrainingStrategyTests
{
    [Fact]
    public void Expand_adds_one_copy_per_modality_with_only_that_modality_absent()
    {
        var a = Enumerable.Range(0, 10).Select(i => new float[] { i, 1 }).ToArray();
        var b = Enumerable.Range(0, 10).Select(i => new float[] { -i }).ToArray();
        var bPresent = Enumerable.Range(0, 10).Select(i => i != 3).ToArray();
        var train = new FusionTrainingSet([ModelFusionTestData.Block("a", a, Enumerable.Repeat(true, 10).ToArray()), ModelFusionTestData.Block("b", b, bPresent)],
            Enumerable.Range(0, 10).Select(i => (float)(i % 2)).ToArray(), TaskKind.Binary, 2, 1);

        var expanded = AbsenceTrainingStrategy.Expand(train);

        // Row 3 lacks b: it is not copied with a absent (nothing would be left) nor with b absent (already is).
        Assert.Equal(10 + 9 + 9, expanded.Rows);
        Assert.Equal(train.Targets.Concat(Enumerable.Range(0, 10).Where(i => i != 3).Select(i => (float)(i % 2))).Concat(Enumerable.Range(0, 10).Where(i => i != 3).Select(i => (float)(i % 2))), expanded.Targets);
        Assert.All(Enumerable.Range(10, 9), r => Assert.False(expanded.Blocks[0].Present[r]));
        Assert.All(Enumerable.Range(10, 9), r => Assert.True(expanded.Blocks[1].Present[r]));
        Assert.All(Enumerable.Range(19, 9), r => Assert.True(expanded.Blocks[0].Present[r] && !expanded.Blocks[1].Present[r]));
        Assert.All(Enumerable.Range(10, 9), r => Assert.Equal([0f, 0f], expanded.Blocks[0].Rows[r]));
        Assert.Equal(10, train.Rows);
    }

    [Fact]
    public void With_a_modality_missing_at_test_time_training_with_absence_wins()
    {
        var (features, targets) = TwoViews(rows: 600, seed: 21);
        var folds = Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, 3, 1, 2), targets.Length, targets.Select(t => (int)t).ToArray());
        var missing = new TestTimeMissing(new Dictionary<string, double> { ["strong"] = 0.5 }, Seed: 3);
        double OnlyWeak(IFusionStrategy strategy) => CrossValidator.Run(features, targets, TaskKind.Multiclass, 3, folds, strategy, NormalizeMode.ZScore, 1, 2,
            testMissing: missing).Subsets!.Single(s => s.Subset == "only weak").Value;

        var plain = OnlyWeak(new EarlyFusionStrategy("logreg"));
        var trained = OnlyWeak(new AbsenceTrainingStrategy(new EarlyFusionStrategy("logreg")));
        Assert.True(trained > plain + 0.05, $"only-weak accuracy {plain:F3} without, {trained:F3} with absence training");
    }

    /// <summary>
    /// Three classes seen by two blocks: "strong" separates them almost perfectly, "weak" moderately, along a direction
    /// that a model trained on complete rows has no reason to weigh (its offset is shared with a nuisance axis).
    /// </summary>
    private static (FeatureSet, float[]) TwoViews(int rows, int seed)
    {
        var random = new Random(seed);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var targets = Enumerable.Range(0, rows).Select(i => (float)(i % 3)).ToArray();
        var strong = targets.Select(t => new[] { (float)(4 * t + 0.3 * Gauss()), (float)Gauss() }).ToArray();
        var weak = targets.Select(t => { var n = Gauss(); return new[] { (float)(t + n), (float)(n + 0.3 * Gauss()), (float)Gauss() }; }).ToArray();
        var all = Enumerable.Repeat(true, rows).ToArray();
        return (new FeatureSet(rows, [ModelFusionTestData.Block("strong", strong, all), ModelFusionTestData.Block("weak", weak, (bool[])all.Clone())], [], []), targets);
    }
}
