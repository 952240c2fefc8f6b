using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Learners.Torch;
using MMFuse.Tests.Learners.Torch;

namespace MMFuse.Tests.Fusion.Joint;

[Collection(TorchCollection.Name)]
public sealed class JointFusionStrategyTests
{
    [Theory]
    [MemberData(nameof(JointTestData.Kinds), MemberType = typeof(JointTestData))]
    public void Overfits_a_tiny_batch_with_dropout_off(JointKind kind)
    {
        var options = JointTestData.Fast(epochs: 150, dropout: 0, modalityDropout: 0, validation: 0);
        var model = new JointFusionStrategy(kind, options).Train(JointTestData.Tiny());
        var losses = model.Training!.TrainLosses;
        Assert.Equal(150, losses.Count);
        Assert.True(losses[^1] < 0.1, $"{kind}: loss {losses[0]:F3} -> {losses[^1]:F3}");
        Assert.Empty(model.Training.ValidationLosses);
    }

    [Theory]
    [MemberData(nameof(JointTestData.Kinds), MemberType = typeof(JointTestData))]
    public void Trained_with_modality_dropout_it_predicts_with_a_block_absent_and_round_trips_bit_for_bit(JointKind kind)
    {
        var train = FusionTestData.Make();
        var model = new JointFusionStrategy(kind, JointTestData.Fast()).Train(train);
        Assert.Equal(JointKinds.Name(kind), new JointFusionStrategy(kind).Name);
        Assert.NotEmpty(model.Training!.ValidationLosses);
        Assert.Equal(model.Training.TrainLosses.Count, model.Training.ValidationLosses.Count);

        var full = model.Predict(train.Blocks);
        Assert.True(ModelFusionTestData.Accuracy(full, train.Targets) > 0.9, $"{kind}: accuracy {ModelFusionTestData.Accuracy(full, train.Targets)}");
        // "a" alone carries the class; chance is 1/3.
        var aOnly = model.Predict(JointTestData.Without(train.Blocks, "b"));
        Assert.True(ModelFusionTestData.Accuracy(aOnly, train.Targets) > 0.8, $"{kind}: accuracy with b absent {ModelFusionTestData.Accuracy(aOnly, train.Targets)}");
        foreach (var predictions in new[] { full, aOnly, model.Predict(JointTestData.Without(train.Blocks, "a")),
                     model.Predict(JointTestData.Without(train.Blocks, "a", "b")) })
            Assert.All(predictions, p =>
            {
                Assert.Equal(3, p.Length);
                Assert.All(p, v => Assert.InRange(v, 0f, 1f));
                Assert.Equal(1f, p.Sum(), 4);
            });

        var loaded = Assert.IsType<JointFusionModel>(FusionRoundTrip.SaveAndLoad(model, train.Task));
        Assert.Equal(kind, loaded.Kind);
        Assert.Equal(model.Options, loaded.Options);
        Assert.Equal(model.Training.TrainLosses, loaded.Training!.TrainLosses);
        foreach (var blocks in new[] { train.Blocks, JointTestData.Without(train.Blocks, "b") })
        {
            var before = model.Predict(blocks);
            var after = loaded.Predict(blocks);
            for (var r = 0; r < before.Length; r++)
                Assert.Equal(JointTestData.Bits(before[r]), JointTestData.Bits(after[r]));
        }
    }

    [Theory]
    [MemberData(nameof(JointTestData.Kinds), MemberType = typeof(JointTestData))]
    public void Same_seed_gives_identical_predictions_and_another_seed_does_not(JointKind kind)
    {
        var train = FusionTestData.Make(rows: 60);
        float[][] Run(int seed) => new JointFusionStrategy(kind, JointTestData.Fast(epochs: 5)).Fit(train with { Seed = seed }).Predict(train.Blocks);
        var first = Run(7);
        Assert.Equal(first, Run(7));
        Assert.NotEqual(first, Run(8));
    }

    [Fact]
    public void Regression_predicts_on_the_targets_scale()
    {
        // y = 50 + 3 * (first feature of "a"); "b" is noise and sometimes absent.
        var classes = FusionTestData.Make(rows: 200);
        var targets = classes.Blocks[0].Rows.Select(r => 50f + 3f * r[0]).ToArray();
        var train = classes with { Targets = targets, Task = TaskKind.Regression, ClassCount = 0 };
        var model = new JointFusionStrategy(JointKind.Concat, JointTestData.Fast(epochs: 80, dropout: 0)).Fit(train);
        var predictions = model.Predict(train.Blocks);
        Assert.All(predictions, p => Assert.Single(p));
        var rmse = Math.Sqrt(predictions.Select((p, i) => Math.Pow(p[0] - targets[i], 2)).Average());
        var spread = Math.Sqrt(targets.Select(t => Math.Pow(t - targets.Average(), 2)).Average());
        Assert.True(rmse < 0.25 * spread, $"rmse {rmse} against a target spread of {spread}");
    }

    [Fact]
    public void Bad_options_and_mismatched_blocks_are_rejected_clearly()
    {
        var train = FusionTestData.Make(rows: 30);
        Assert.Contains("divide the hidden size", Assert.Throws<ArgumentException>(() =>
            new JointFusionStrategy(JointKind.Attention, new JointOptions(HiddenSize: 10, AttentionHeads: 4)).Fit(train)).Message);
        Assert.Contains("Modality dropout", Assert.Throws<ArgumentException>(() =>
            new JointFusionStrategy(JointKind.Concat, new JointOptions(ModalityDropout: 1)).Fit(train)).Message);
        Assert.Contains("lower the fusion size", Assert.Throws<ArgumentException>(() =>
            new JointFusionStrategy(JointKind.Tensor, new JointOptions(FusionSize: 400)).Fit(train)).Message);

        var model = new JointFusionStrategy(JointKind.Concat, JointTestData.Fast(epochs: 2)).Fit(train);
        var wrong = new FeatureBlock("b", "test", 3, train.Blocks[1].Rows.Select(r => r[..3]).ToArray(), train.Blocks[1].Present);
        Assert.Throws<ArgumentException>(() => model.Predict([train.Blocks[0], wrong]));
    }

    [Fact]
    public void Kind_names_parse_back()
    {
        Assert.Equal(["joint-concat", "joint-gated", "joint-attention", "joint-tensor", "joint-lowrank"], JointKinds.Names);
        Assert.All(JointKinds.All, k => Assert.Equal(k, JointKinds.Parse(JointKinds.Name(k))));
        Assert.False(JointKinds.TryParse("early", out _));
        Assert.Contains("joint-lowrank", Assert.Throws<ArgumentException>(() => JointKinds.Parse("joint-x")).Message);
    }

    [Fact]
    public void The_cli_knows_the_joint_strategies_and_passes_its_training_options()
    {
        var training = new TrainingOptions(Optimizer: "sgd", Epochs: 7);
        var strategy = Assert.IsType<JointFusionStrategy>(global::MMFuse.StrategyCatalog.Parse("joint-lowrank", new MlpOptions(Training: training), ["a", "b"]));
        Assert.Equal(JointKind.LowRank, strategy.Kind);
        Assert.Equal(training, strategy.Options.Training);
        Assert.Equal("joint-gated", global::MMFuse.StrategyCatalog.Create("joint-gated", "logreg", null, null, ["a", "b"]).Name);
    }
}
