using MMFuse.Data;
using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Learners;
using MMFuse.Learners.Torch;
using MMFuse.Tests.Fusion;

namespace MMFuse.Tests.Weights;

/// <summary>Every fusion strategy trains with the training set's weights: on blocks of pure noise with 50/50 labels,
/// only the weights can make class 1 likelier, so weighing its rows 9:1 must raise the mean predicted P(1).</summary>
public sealed class WeightedFusionTests
{
    private static readonly JointOptions SmallJoint = new(HiddenSize: 8, ValidationFraction: 0,
        Training: new TrainingOptions(Epochs: 15, BatchSize: 32, Patience: 0));

    public static TheoryData<string> StrategyNames() =>
        ["early", "late", "vote-soft", "vote-hard", "stacking", "joint-concat", "absence+early", "ensemble", "a-only"];

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void Weighing_class_1_rows_raises_every_strategys_mean_probability_of_class_1(string name)
    {
        var train = Noise(rows: 120, seed: 4);
        var weighted = train with { Weights = train.Targets.Select(y => y == 1 ? 9f : 1f).ToArray() };

        var plain = MeanP1(Strategy(name), train);
        var shifted = MeanP1(Strategy(name), weighted);

        Assert.True(shifted > plain + 0.1, $"{name}: mean P(1) {plain:F3} without weights, {shifted:F3} with");
    }

    [Fact]
    public void Absence_training_copies_keep_their_rows_weights()
    {
        var train = Noise(rows: 10, seed: 1);
        var weighted = train with { Weights = Enumerable.Range(0, 10).Select(r => (float)r).ToArray() };

        var expanded = AbsenceTrainingStrategy.Expand(weighted);

        Assert.Equal(expanded.Rows, expanded.Weights!.Length);
        Assert.Equal(weighted.Weights, expanded.Weights[..10]);
        // Each copy is of a row whose targets it repeats, and so its weight: weight r goes with target r % 2.
        Assert.All(Enumerable.Range(10, expanded.Rows - 10), r => Assert.Equal(expanded.Targets[r], expanded.Weights[r] % 2));
    }

    [Fact]
    public void The_training_prior_counts_each_rows_weight()
    {
        var train = Noise(rows: 40, seed: 2);
        var weighted = train with { Weights = train.Targets.Select(y => y == 1 ? 3f : 1f).ToArray() };

        // Late fusion predicts the prior where no modality is present: 3:1 weights give P(1) = 0.75.
        using var model = new LateFusionStrategy("logreg").Fit(weighted);
        var absent = train.Blocks.Select(b => b with { Rows = [new float[b.Dimension]], Present = [false] }).ToArray();
        Assert.Equal(0.75f, model.Predict(absent)[0][1], 5);
    }

    private static IFusionStrategy Strategy(string name) => name switch
    {
        "early" => new EarlyFusionStrategy("logreg"),
        "late" => new LateFusionStrategy("logreg"),
        "vote-soft" => new VoteStrategy("logreg", VoteMode.Soft),
        "vote-hard" => new VoteStrategy("logreg", VoteMode.Hard),
        "stacking" => new StackingStrategy(["logreg"], "logreg"),
        "joint-concat" => new JointFusionStrategy(JointKind.Concat, SmallJoint),
        "absence+early" => new AbsenceTrainingStrategy(new EarlyFusionStrategy("logreg")),
        "ensemble" => new EnsembleStrategy("ensemble", [new EarlyFusionStrategy("logreg"), new LateFusionStrategy("logreg")]),
        "a-only" => new UnimodalStrategy("a", "logreg"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static double MeanP1(IFusionStrategy strategy, FusionTrainingSet train)
    {
        using var model = strategy.Fit(train);
        return model.Predict(train.Blocks).Average(p => p[1]);
    }

    /// <summary>Two blocks of small noise (block "b" absent in every fifth row) and alternating labels.</summary>
    private static FusionTrainingSet Noise(int rows, int seed)
    {
        var random = new Random(seed);
        float[][] Rows(int columns) => Enumerable.Range(0, rows)
            .Select(_ => Enumerable.Range(0, columns).Select(_ => (float)(0.01 * random.NextDouble())).ToArray()).ToArray();
        var a = ModelFusionTestData.Block("a", Rows(3), Enumerable.Repeat(true, rows).ToArray());
        var b = ModelFusionTestData.Block("b", Rows(2), Enumerable.Range(0, rows).Select(r => r % 5 != 0).ToArray());
        return new FusionTrainingSet([a, b], Enumerable.Range(0, rows).Select(r => (float)(r % 2)).ToArray(), TaskKind.Binary, 2, seed);
    }
}
