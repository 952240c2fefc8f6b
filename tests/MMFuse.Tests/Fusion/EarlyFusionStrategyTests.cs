using MMFuse.Bundle;
using MMFuse.Data;
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
        var predictions = model.Predict(train.Blocks);
        var accuracy = predictions.Select((p, i) => Array.IndexOf(p, p.Max()) == (int)train.Targets[i]).Count(ok => ok) / (double)train.Rows;
        Assert.True(accuracy > 0.9, $"accuracy {accuracy}");

        using var dir = new TempDirectory();
        var (spec, payloads) = model.Describe();
        var writer = new ModelBundleWriter(new ModelManifest
        {
            CreatedUtc = DateTimeOffset.UnixEpoch,
            Schema = new ManifestSchema([], "y", TaskKind.Multiclass),
            Fusion = spec,
        });
        foreach (var (name, kind, write) in payloads)
            writer.AddPayload(name, kind, write);
        writer.Write(dir.File("m.mmf"));

        var bundle = ModelBundle.Load(dir.File("m.mmf"));
        var loaded = FusionModels.Load(bundle.Manifest.Fusion, bundle.LoadPredictor);
        var again = loaded.Predict(train.Blocks);
        for (var r = 0; r < predictions.Length; r++)
            Assert.Equal(predictions[r].Select(BitConverter.SingleToInt32Bits), again[r].Select(BitConverter.SingleToInt32Bits));
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
