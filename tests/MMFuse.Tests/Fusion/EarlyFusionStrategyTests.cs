using MMFuse.Fusion;

namespace MMFuse.Tests.Fusion;

public sealed class EarlyFusionStrategyTests
{
    [Theory]
    [InlineData("logreg")]
    [InlineData("mlp")]
    public void Learns_the_informative_block_and_round_trips_through_a_model_file_bit_for_bit(string learner)
    {
        var train = FusionTestData.Make();
        var model = new EarlyFusionStrategy(learner).Fit(train);
        var accuracy = ModelFusionTestData.Accuracy(model.Predict(train.Blocks), train.Targets);
        Assert.True(accuracy > 0.9, $"accuracy {accuracy}");
        FusionRoundTrip.AssertIdentical(model, train.Task, train.Blocks);
    }

    [Fact]
    public void Same_seed_gives_the_same_predictions()
    {
        var train = FusionTestData.Make();
        var first = new EarlyFusionStrategy("gbdt").Fit(train).Predict(train.Blocks);
        var second = new EarlyFusionStrategy("gbdt").Fit(train).Predict(train.Blocks);
        Assert.Equal(first, second);
    }
}
