using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Fusion;
using MMFuse.Learners;
using static MMFuse.Tests.Fusion.ModelFusionTestData;

namespace MMFuse.Tests.Fusion;

/// <summary>Stacking's bases on the concatenated blocks (<see cref="StackingBases"/>).</summary>
public sealed class StackingBasesTests
{
    private static readonly StackingOptions Fast = new(LearnerOptions: new Dictionary<string, LearnerOptions>
    {
        ["gbdt"] = new GbdtOptions(Iterations: 60, Leaves: 8, MinExamplesPerLeaf: 5),
    });

    /// <summary>The label is the sign of block a's first value XOR the sign of block b's: each block alone says nothing
    /// (chance), so no per-modality base and no meta-learner over them can find it; a tree on both blocks can.</summary>
    [Fact]
    public void Concatenated_bases_find_an_interaction_across_modalities_that_per_modality_bases_cannot()
    {
        var (train, test, testTargets) = Interaction(trainRows: 300, testRows: 200);

        double AccuracyWith(StackingBases bases)
        {
            using var model = new StackingStrategy(["logreg", "gbdt"], "logreg", options: Fast with { Bases = bases }).Fit(train);
            return Accuracy(model.Predict(test), testTargets);
        }
        var perModality = AccuracyWith(StackingBases.PerModality);
        var concatenated = AccuracyWith(StackingBases.Concatenated);
        var both = AccuracyWith(StackingBases.Both);

        Assert.True(perModality < 0.65, $"per-modality {perModality}");
        Assert.True(concatenated > 0.85, $"concatenated {concatenated}");
        Assert.True(both > 0.85, $"both {both}");
    }

    [Theory]
    [InlineData(StackingBases.Concatenated)]
    [InlineData(StackingBases.Both)]
    public void Concatenated_bases_round_trip_and_predict_rows_missing_a_modality(StackingBases bases)
    {
        var train = FusionTestData.Make();
        using var model = (StackingModel)new StackingStrategy(["logreg", "gbdt"], "logreg", options: Fast with { Bases = bases }).Fit(train);
        var names = model.MetaFeatureNames;
        Assert.Contains("all.gbdt:p2", names);
        Assert.Equal(bases == StackingBases.Both, names.Contains("a.logreg:p0"));
        Assert.Contains("b:present", names);
        var blocks = WithAbsent(WithAbsent(train.Blocks, "a", 0, 1, 2), "b", 2, 3);
        AssertProbabilityRows(model.Predict(blocks), 3);
        FusionRoundTrip.AssertIdentical(model, TaskKind.Multiclass, blocks);
    }

    [Fact]
    public void Per_modality_stacking_is_described_as_before()
    {
        var train = FusionTestData.Make();
        using var model = new StackingStrategy(["logreg"], "logreg", options: Fast with { Bases = StackingBases.PerModality }).Fit(train);
        var (spec, payloads) = model.Describe();
        Assert.Null(spec["concatenated"]);
        Assert.Equal(["stack.meta", "stack.base.a.logreg", "stack.base.b.logreg"], payloads.Select(p => p.Name));
    }

    private static (FusionTrainingSet Train, FeatureBlock[] Test, float[] TestTargets) Interaction(int trainRows, int testRows)
    {
        var random = new Random(4);
        var rows = trainRows + testRows;
        var a = Enumerable.Range(0, rows).Select(_ => new[] { (float)(random.NextDouble() * 2 - 1), (float)random.NextDouble() }).ToArray();
        var b = Enumerable.Range(0, rows).Select(_ => new[] { (float)(random.NextDouble() * 2 - 1), (float)random.NextDouble() }).ToArray();
        var targets = Enumerable.Range(0, rows).Select(r => (a[r][0] > 0) ^ (b[r][0] > 0) ? 1f : 0f).ToArray();
        FeatureBlock[] Blocks(int from, int count) =>
        [
            new("a", "test", 2, a[from..(from + count)], Enumerable.Repeat(true, count).ToArray()),
            new("b", "test", 2, b[from..(from + count)], Enumerable.Repeat(true, count).ToArray()),
        ];
        return (new FusionTrainingSet(Blocks(0, trainRows), targets[..trainRows], TaskKind.Binary, 2, Seed: 3), Blocks(trainRows, testRows), targets[trainRows..]);
    }
}
