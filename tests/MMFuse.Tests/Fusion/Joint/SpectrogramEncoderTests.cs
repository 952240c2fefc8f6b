using MMFuse.Features;
using MMFuse.Features.Audio;
using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Learners.Torch;
using MMFuse.Tests.Learners.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Tests.Fusion.Joint;

[Collection(TorchCollection.Name)]
public sealed class SpectrogramEncoderTests
{
    private static JointOptions Cnn(int epochs = 30, SpecAugmentOptions? masks = null) => JointTestData.Fast(epochs: epochs, modalityDropout: 0) with
    {
        AudioEncoder = AudioEncoderKind.Cnn,
        SpecAugment = masks,
    };

    private static double Accuracy(IFusionModel model, FusionTrainingSet test) =>
        ModelFusionTestData.Accuracy(model.Predict(test.Blocks), test.Targets);

    [Fact]
    public void The_cnn_learns_the_order_of_two_tones_that_band_statistics_cannot_separate()
    {
        var (train, test) = (ToneOrderData.Make(160, seed: 1), ToneOrderData.Make(80, seed: 2));

        var cnn = new JointFusionStrategy(JointKind.Concat, Cnn()).Fit(train);
        var statistics = new JointFusionStrategy(JointKind.Concat, JointTestData.Fast(epochs: 30, modalityDropout: 0))
            .Fit(ToneOrderData.AsStatistics(train));

        var cnnAccuracy = Accuracy(cnn, test);
        var statisticsAccuracy = Accuracy(statistics, ToneOrderData.AsStatistics(test));
        Assert.True(cnnAccuracy >= 0.9, $"CNN accuracy {cnnAccuracy:F3}");
        Assert.True(statisticsAccuracy <= 0.7, $"statistics accuracy {statisticsAccuracy:F3} (chance is 0.5)");
    }

    [Fact]
    public void SpecAugment_masks_training_batches_only()
    {
        using var generator = new Generator(5);
        using var masking = new SpecAugment(new SpecAugmentOptions(TimeMasks: 2, MaxTimeWidth: 6, FrequencyMasks: 2, MaxFrequencyWidth: 4), generator);
        using var input = ones(32, 40, 16);

        masking.train();
        using var masked = masking.forward(input);
        var values = masked.data<float>().ToArray();
        Assert.Contains(0f, values);
        Assert.All(values, v => Assert.True(v is 0f or 1f));
        // Masks cover whole time steps or whole bands, and differ from row to row.
        Assert.True(values.Count(v => v == 0f) < values.Length / 2);
        using var rowZeros = masked.eq(zeros(1)).sum([1, 2]);
        Assert.True(rowZeros.data<long>().ToArray().Distinct().Count() > 1);

        masking.eval();
        using var passed = masking.forward(input);
        Assert.All(passed.data<float>().ToArray(), v => Assert.Equal(1f, v));

        using var loaded = new SpecAugment(new SpecAugmentOptions(), generator: null);
        loaded.train();
        using var unmasked = loaded.forward(input);
        Assert.All(unmasked.data<float>().ToArray(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Same_seed_gives_identical_predictions_another_seed_does_not_and_the_model_round_trips()
    {
        var train = ToneOrderData.Make(48, seed: 3);
        JointFusionModel Run(int seed) => new JointFusionStrategy(JointKind.Concat, Cnn(epochs: 3)).Train(train with { Seed = seed });
        using var first = Run(7);
        using var again = Run(7);
        using var other = Run(8);
        var predictions = first.Predict(train.Blocks);
        Assert.Equal(predictions, again.Predict(train.Blocks));
        Assert.NotEqual(predictions, other.Predict(train.Blocks));

        var loaded = Assert.IsType<JointFusionModel>(FusionRoundTrip.SaveAndLoad(first, train.Task));
        Assert.Equal(AudioEncoderKind.Cnn, loaded.Options.AudioEncoder);
        Assert.Equal([ToneOrderData.Bands], loaded.Predictor.Architecture.Spectrograms!);
        var after = loaded.Predict(train.Blocks);
        for (var r = 0; r < predictions.Length; r++)
            Assert.Equal(JointTestData.Bits(predictions[r]), JointTestData.Bits(after[r]));
    }

    [Fact]
    public void The_cnn_refuses_an_audio_block_that_is_a_summary_vector()
    {
        var grid = ToneOrderData.Make(20, seed: 4);
        var summary = grid with { Blocks = [grid.Blocks[0] with { ExtractorId = LogMelGridExtractor.Id }] };
        var error = Assert.Throws<ArgumentException>(() => new JointFusionStrategy(JointKind.Concat, Cnn(epochs: 1)).Fit(summary));
        Assert.Contains("JointOptions.AudioEncoder", error.Message);
        Assert.Contains("logmel-frames", error.Message);
    }
}
