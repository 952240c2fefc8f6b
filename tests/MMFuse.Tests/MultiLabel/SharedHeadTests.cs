using MMFuse.Data;
using MMFuse.Evaluation.MultiLabel;
using MMFuse.Features;
using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Fusion.MultiLabel;
using MMFuse.Tests.Fusion;
using MMFuse.Tests.Fusion.Joint;

namespace MMFuse.Tests.MultiLabel;

/// <summary>A joint network on a multi-label task: one network with a sigmoid output per label (binary cross-entropy),
/// against one network per label (binary relevance), on labels that share a hidden cause.</summary>
public sealed class SharedHeadTests
{
    private const int Labels = 4;

    /// <summary>Labels are unions of six hidden groups; both blocks show the group through noise, so the labels share
    /// one structure a shared network can learn once.</summary>
    private static readonly int[][] GroupsOfLabel = [[0, 1, 2], [1, 3, 5], [0, 3, 4], [2, 5]];

    private static (FeatureBlock[] Blocks, bool[][] Sets) Make(int rows, int seed)
    {
        var random = new Random(seed);
        var groups = Enumerable.Range(0, rows).Select(_ => random.Next(6)).ToArray();
        FeatureBlock Block(string name) => new(name, "test", 6,
            groups.Select(g => Enumerable.Range(0, 6).Select(d => (float)((d == g ? 1.5 : 0) + random.NextDouble())).ToArray()).ToArray(),
            Enumerable.Repeat(true, rows).ToArray());
        var sets = groups.Select(g => GroupsOfLabel.Select(l => l.Contains(g)).ToArray()).ToArray();
        return ([Block("a"), Block("b")], sets);
    }

    private static FusionTrainingSet Training(int rows, int seed)
    {
        var (blocks, sets) = Make(rows, seed);
        return new FusionTrainingSet(blocks, sets.Select(LabelSetCode.Encode).ToArray(), TaskKind.Multilabel, Labels, seed);
    }

    private static JointOptions Options(MultiLabelHead head) => JointTestData.Fast(epochs: 30) with { MultiLabelHead = head };

    private static double MicroF1(IFusionModel model, IReadOnlyList<FeatureBlock> blocks, bool[][] truth)
    {
        var outputs = model.Predict(blocks);
        return MultiLabelMetrics.Compute(truth, outputs.Select(MultiLabelOutput.Set).ToArray(), outputs.Select(o => o[..Labels]).ToArray())["micro_f1"];
    }

    [Fact]
    public void One_shared_network_learns_every_label_at_least_as_well_as_one_network_per_label()
    {
        var train = Training(240, seed: 1);
        var (test, truth) = Make(300, seed: 2);
        using var shared = new JointFusionStrategy(JointKind.Concat, Options(MultiLabelHead.Shared), thresholdFolds: 0).Fit(train);
        using var perLabel = new JointFusionStrategy(JointKind.Concat, Options(MultiLabelHead.PerLabel), thresholdFolds: 0).Fit(train);

        var network = Assert.IsType<SharedHeadModel>(shared).Network;
        Assert.Equal(Labels, network.Predictor.Architecture.Outputs);
        Assert.Equal(TaskKind.Multilabel, network.Predictor.Task);
        Assert.IsType<BinaryRelevanceModel>(perLabel);
        var (sharedF1, perLabelF1) = (MicroF1(shared, test, truth), MicroF1(perLabel, test, truth));
        Assert.True(sharedF1 > 0.8, $"shared micro F1 {sharedF1:F3}");
        // Within noise of binary relevance: 300 rows x 4 labels, a few decisions either way.
        Assert.True(sharedF1 >= perLabelF1 - 0.03, $"shared {sharedF1:F3} vs per label {perLabelF1:F3}");
    }

    [Fact]
    public void Sigmoid_outputs_are_independent_probabilities_not_a_softmax()
    {
        var train = Training(120, seed: 3);
        using var model = new JointFusionStrategy(JointKind.Gated, Options(MultiLabelHead.Shared), thresholdFolds: 0).Fit(train);
        var probabilities = ((SharedHeadModel)model).Network.Predict(train.Blocks);
        Assert.All(probabilities, p => Assert.Equal(Labels, p.Length));
        // A softmax row sums to 1; rows with two or three labels on must exceed it.
        Assert.Contains(probabilities, p => p.Sum() > 1.5f);
    }

    [Fact]
    public void Tuned_thresholds_and_probabilities_round_trip_through_the_model_file()
    {
        using var model = new JointFusionStrategy(JointKind.Concat, Options(MultiLabelHead.Shared)).Fit(Training(120, seed: 4));
        var thresholds = ((SharedHeadModel)model).Thresholds;
        Assert.Equal(Labels, thresholds.Count);
        Assert.Contains(thresholds, t => t != ThresholdTuner.Default);
        var test = Make(40, seed: 5).Blocks;
        FusionRoundTrip.AssertIdentical(model, TaskKind.Multilabel, test);
        FusionRoundTrip.AssertIdentical(model, TaskKind.Multilabel, JointTestData.Without(test, "b"));
    }

    [Fact]
    public void The_same_seed_gives_the_same_probabilities_and_another_seed_does_not()
    {
        var train = Training(80, seed: 6);
        float[][] Run(int seed)
        {
            using var model = new JointFusionStrategy(JointKind.Concat, JointTestData.Fast(epochs: 5), thresholdFolds: 0).Fit(train with { Seed = seed });
            return model.Predict(train.Blocks);
        }
        var first = Run(7);
        Assert.Equal(first, Run(7));
        Assert.NotEqual(first, Run(8));
    }

    [Fact]
    public void Sample_weights_steer_the_shared_network()
    {
        // Rows with label 0 weigh nothing: the network never learns to put it on.
        var train = Training(160, seed: 8);
        var weights = train.Targets.Select(t => LabelSetCode.Has(t, 0) ? 0f : 1f).ToArray();
        using var model = new JointFusionStrategy(JointKind.Concat, Options(MultiLabelHead.Shared), thresholdFolds: 0).Fit(train with { Weights = weights });
        var (test, truth) = Make(100, seed: 9);
        var outputs = model.Predict(test);
        var positives = Enumerable.Range(0, truth.Length).Where(r => truth[r][0]).ToArray();
        Assert.True(positives.Average(r => outputs[r][0]) < 0.2, "label 0 learned from zero-weight rows");
    }

    [Fact]
    public void Cross_validation_and_training_leave_joint_networks_unwrapped()
    {
        var joint = new JointFusionStrategy(JointKind.Concat);
        Assert.Same(joint, BinaryRelevanceStrategy.For(joint, TaskKind.Multilabel));
        Assert.IsType<BinaryRelevanceStrategy>(BinaryRelevanceStrategy.For(Strategies.Early(Learner.LogReg()), TaskKind.Multilabel));
    }
}
