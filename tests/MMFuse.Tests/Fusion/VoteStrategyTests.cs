using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;
using MMFuse.Learners;
using static MMFuse.Tests.Fusion.ModelFusionTestData;

namespace MMFuse.Tests.Fusion;

public sealed class VoteStrategyTests
{
    // Per modality x, y, z and row: the class probabilities that modality's learner outputs (null: absent).
    private static readonly float[]?[][] Probabilities =
    [
        // x                    y                        z
        [[0.9f, 0.05f, 0.05f], [0.3f, 0.4f, 0.3f], [0.3f, 0.4f, 0.3f]], // row 0: hard → 1 (2 votes), soft → 0
        [[0.6f, 0.4f, 0f], [0.3f, 0f, 0.7f], null],                      // row 1: 1–1 tie 0 vs 2; sums 0.9 vs 0.7 → 0
        [null, [0.2f, 0.7f, 0.1f], null],                                 // row 2: y alone → 1
        [null, null, null],                                               // row 3: nobody → prior
    ];

    private static readonly float[] Prior = [0.5f, 0.25f, 0.25f];

    [Fact]
    public void Hard_and_soft_voting_give_the_known_answers()
    {
        var (soft, hard) = (Model(VoteMode.Soft, [1, 1, 1]).Predict(Blocks()), Model(VoteMode.Hard, [1, 1, 1]).Predict(Blocks()));

        Assert.Equal(0, ArgMax(soft[0]));
        Assert.Equal((0.9 + 0.3 + 0.3) / 3, soft[0][0], 6);
        Assert.Equal(1, ArgMax(hard[0]));
        Assert.Equal(new[] { 1 / 3f, 2 / 3f, 0f }, hard[0]); // vote shares

        Assert.Equal(0, ArgMax(hard[1])); // the tie goes to the larger summed probability
        Assert.True(hard[1][2] < hard[1][0] && hard[1][2] > 0.49f, $"{hard[1][0]} {hard[1][2]}");
        Assert.Equal(new[] { 0f, 1f, 0f }, hard[2]);
        Assert.Equal(new[] { 0.2f, 0.7f, 0.1f }, soft[2]);
        Assert.Equal(Prior, hard[3]);
        Assert.Equal(Prior, soft[3]);
        AssertProbabilityRows(hard, 3);
        AssertProbabilityRows(soft, 3);
    }

    [Fact]
    public void Weights_change_the_outcome()
    {
        // Row 0 with x weighing 3: 3 votes for class 0 against 2 for class 1.
        var hard = Model(VoteMode.Hard, [3, 1, 1]).Predict(Blocks());
        Assert.Equal(new[] { 0.6f, 0.4f, 0f }, hard[0]);
        // A weight of 0 silences the modality: row 2 (y alone) falls back to the prior.
        Assert.Equal(Prior, Model(VoteMode.Soft, [1, 0, 1]).Predict(Blocks())[2]);
    }

    [Theory]
    [InlineData(VoteMode.Soft)]
    [InlineData(VoteMode.Hard)]
    public void Trains_per_modality_learners_and_round_trips_bit_for_bit(VoteMode mode)
    {
        var train = FusionTestData.Make();
        var strategy = new VoteStrategy("logreg", mode, new Dictionary<string, double> { ["a"] = 2 });
        Assert.Equal(mode == VoteMode.Hard ? "vote-hard/logreg" : "vote-soft/logreg", strategy.Name);
        var model = (VoteModel)strategy.Fit(train);
        Assert.Equal(new Dictionary<string, double> { ["a"] = 2, ["b"] = 1 }, model.Weights);
        var predictions = model.Predict(train.Blocks);
        AssertProbabilityRows(predictions, 3);
        Assert.True(Accuracy(predictions, train.Targets) > 0.9);
        Assert.Equal(["vote.a", "vote.b"], model.Describe().Payloads.Select(p => p.Name));
        FusionRoundTrip.AssertIdentical(model, TaskKind.Multiclass, WithAbsent(train.Blocks, "a", 3, 4));
    }

    [Fact]
    public void A_weight_for_an_unknown_modality_is_a_clear_error()
    {
        var strategy = new VoteStrategy("logreg", VoteMode.Soft, VoteStrategy.ParseWeights("a=2, image=1"));
        var error = Assert.Throws<ArgumentException>(() => strategy.Fit(FusionTestData.Make()));
        Assert.Contains("'image'", error.Message);
        Assert.Contains("a, b", error.Message);
    }

    [Theory]
    [InlineData("image")]
    [InlineData("image=x")]
    [InlineData("image=-1")]
    [InlineData("image=1,image=2")]
    [InlineData("=1")]
    public void Malformed_weights_are_rejected(string text) =>
        Assert.Throws<ArgumentException>(() => VoteStrategy.ParseWeights(text));

    [Fact]
    public void Parses_weights()
    {
        Assert.Equal(new Dictionary<string, double> { ["image"] = 2, ["text"] = 0.5 }, VoteStrategy.ParseWeights("image=2,text=0.5"));
    }

    [Fact]
    public void Hard_voting_refuses_regression()
    {
        var error = Assert.Throws<ArgumentException>(() => new VoteStrategy("logreg", VoteMode.Hard).Fit(ModelFusionTestData.Regression()));
        Assert.Contains("classification", error.Message);
    }

    private static int ArgMax(float[] p) => Array.IndexOf(p, p.Max());

    // Block m's row r holds the probabilities modality m outputs for row r; its "learner" passes its input through.
    private static FeatureBlock[] Blocks() => Enumerable.Range(0, 3).Select(m => new FeatureBlock(
        ((char)('x' + m)).ToString(), "test", 3,
        Probabilities.Select(row => row[m] ?? new float[3]).ToArray(),
        Probabilities.Select(row => row[m] is not null).ToArray())).ToArray();

    private static VoteModel Model(VoteMode mode, double[] weights)
    {
        var identity = (string m) => new FittedNormalizer(m, "test", 3, NormalizeMode.None, [0, 0, 0], [1, 1, 1], [0, 0, 0], [0, 0, 0]);
        var models = new[] { "x", "y", "z" }.Select(m => (ModalityModel?)new ModalityModel(identity(m), new PassThrough())).ToArray();
        return new VoteModel("test", mode, new ModalityEnsemble(["x", "y", "z"], models, new FusionTarget(TaskKind.Multiclass, 3, Prior)), weights);
    }

    private sealed class PassThrough : IPredictor
    {
        public string Kind => "test";

        public float[][] Predict(float[][] features) => features.Select(f => (float[])f.Clone()).ToArray();

        public void Save(Stream stream) => throw new NotSupportedException();
    }
}
