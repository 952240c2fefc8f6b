using MMFuse.Data;
using MMFuse.Learners;
using MMFuse.Learners.Torch;

namespace MMFuse.Tests.Learners.Torch;

[Collection(TorchCollection.Name)]
public sealed class MlpLearnerTests
{
    private static MlpOptions Small(int epochs = 40, int seed = 5, string optimizer = "adam", double dropout = 0.1) => new(
        HiddenSizes: [16], Dropout: dropout,
        Training: new TrainingOptions(Optimizer: optimizer, LearningRate: 0.01, BatchSize: 16, Epochs: epochs, Seed: seed, Threads: 1));

    [Fact]
    public void Binary_blobs_are_separated_with_probabilities_summing_to_one()
    {
        var data = TorchTestData.Blobs(2, 40);
        var learner = new MlpLearner(Small());
        Assert.Equal("mlp", learner.Name);
        var predictions = learner.Fit(data).Predict(data.Features);
        Assert.All(predictions, p => Assert.Equal(1f, p.Sum(), 4));
        Assert.All(predictions, p => Assert.Equal(2, p.Length));
        Assert.True(TorchTestData.Accuracy(predictions, data.Labels) >= 0.95);
    }

    [Fact]
    public void Multiclass_blobs_are_separated()
    {
        var data = TorchTestData.Blobs(3, 40);
        var predictions = new MlpLearner(Small() with { Activation = "gelu", LayerNorm = true }).Fit(data).Predict(data.Features);
        Assert.All(predictions, p => Assert.Equal(3, p.Length));
        Assert.True(TorchTestData.Accuracy(predictions, data.Labels) >= 0.95);
    }

    [Fact]
    public void Regression_recovers_a_linear_target_on_its_own_scale()
    {
        var data = TorchTestData.Linear(200);
        var predictor = new MlpLearner(Small(epochs: 60, dropout: 0) with { Activation = "tanh" }).Fit(data);
        var predictions = predictor.Predict(data.Features);
        Assert.All(predictions, p => Assert.Single(p));
        var rmse = Math.Sqrt(predictions.Select((p, i) => Math.Pow(p[0] - data.Labels[i], 2)).Average());
        // The target's standard deviation is about 3.6 around a mean of 50.
        Assert.True(rmse < 0.6, $"rmse {rmse}");
    }

    [Fact]
    public void Sample_weights_tilt_the_probabilities()
    {
        // Labels carry no signal; weighting class 1 nine times as much should pull P(1) up to about 0.9.
        var rng = new Random(4);
        var features = Enumerable.Range(0, 100).Select(_ => new[] { (float)rng.NextDouble(), (float)rng.NextDouble() }).ToArray();
        var labels = Enumerable.Range(0, 100).Select(i => (float)(i % 2)).ToArray();
        var weights = labels.Select(l => l == 1 ? 9f : 1f).ToArray();
        var options = Small(epochs: 30, dropout: 0) with { ValidationFraction = 0 };
        var plain = new MlpLearner(options).Fit(new LearnerData(features, labels, TaskKind.Binary, 2)).Predict(features);
        var weighted = new MlpLearner(options).Fit(new LearnerData(features, labels, TaskKind.Binary, 2, weights)).Predict(features);
        Assert.InRange(plain.Average(p => p[1]), 0.35, 0.65);
        Assert.InRange(weighted.Average(p => p[1]), 0.8, 0.97);
    }

    [Fact]
    public void Same_seed_gives_identical_predictions_and_another_seed_does_not()
    {
        var data = TorchTestData.Blobs(3, 20);
        float[][] Run(int seed) => new MlpLearner(Small(epochs: 10, seed: seed)).Fit(data).Predict(data.Features);
        var first = Run(11);
        Assert.Equal(first, Run(11));
        Assert.NotEqual(first, Run(12));
    }

    [Fact]
    public void Saved_predictor_loads_back_with_bit_identical_predictions()
    {
        var data = TorchTestData.Blobs(3, 20);
        var predictor = new MlpLearner(Small(epochs: 10) with { HiddenSizes = [12, 8], Activation = "gelu", LayerNorm = true }).Fit(data);
        using var stream = new MemoryStream();
        predictor.Save(stream);
        stream.Position = 0;
        Assert.True(TorchPredictorLoader.CanLoad(predictor.Kind));
        var loaded = TorchPredictorLoader.Load(predictor.Kind, stream);
        Assert.Equal(predictor.Kind, loaded.Kind);
        Assert.Equal(predictor.Predict(data.Features), loaded.Predict(data.Features));

        stream.Position = 0;
        var regression = new MlpLearner(Small(epochs: 5)).Fit(TorchTestData.Linear(50));
        using var second = new MemoryStream();
        regression.Save(second);
        second.Position = 0;
        var rows = TorchTestData.Linear(10, seed: 9).Features;
        Assert.Equal(regression.Predict(rows), MlpPredictor.Load(second).Predict(rows));
    }

    [Fact]
    public void A_damaged_saved_predictor_is_invalid_data_wherever_it_breaks()
    {
        var predictor = new MlpLearner(Small(epochs: 2)).Fit(TorchTestData.Blobs(3, 20));
        using var stream = new MemoryStream();
        predictor.Save(stream);
        var bytes = stream.ToArray();

        using var other = new MemoryStream();
        using (var writer = new BinaryWriter(other, System.Text.Encoding.UTF8, leaveOpen: true))
            writer.Write("MMFUSE-TORCH-JOINT");
        other.Position = 0;
        Assert.Contains("header 'MMFUSE-TORCH-JOINT'", Assert.Throws<InvalidDataException>(() => MlpPredictor.Load(other)).Message);
        Assert.Throws<InvalidDataException>(() => MlpPredictor.Load(new MemoryStream("not a network"u8.ToArray())));
        Assert.Throws<InvalidDataException>(() => MlpPredictor.Load(new MemoryStream()));
        // Cut inside the architecture, inside the standardiser and inside the weights.
        foreach (var length in new[] { 30, bytes.Length / 4, bytes.Length - 8 })
            Assert.Throws<InvalidDataException>(() => MlpPredictor.Load(new MemoryStream(bytes[..length])));
    }

    [Fact]
    public void Early_stopping_ends_before_the_epoch_limit_when_validation_stalls()
    {
        // Random labels: the validation loss stops improving almost at once.
        var rng = new Random(8);
        var features = Enumerable.Range(0, 120).Select(_ => Enumerable.Range(0, 6).Select(_ => (float)rng.NextDouble()).ToArray()).ToArray();
        var labels = features.Select(_ => (float)rng.Next(2)).ToArray();
        var options = Small(epochs: 300) with { HiddenSizes = [64], ValidationFraction = 0.2 };
        options = options with { Training = options.ResolvedTraining with { Patience = 5 } };
        var predictor = (MlpPredictor)new MlpLearner(options).Fit(new LearnerData(features, labels, TaskKind.Binary, 2));
        Assert.True(predictor.Training!.StoppedEarly);
        Assert.True(predictor.Training.EpochsRun < 300);
        Assert.Equal(predictor.Training.BestEpoch + 5, predictor.Training.EpochsRun);
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_reason()
    {
        var data = TorchTestData.Blobs(2, 10);
        Assert.Contains("relu, gelu, tanh", Assert.Throws<ArgumentException>(() => new MlpLearner(Small() with { Activation = "swish" }).Fit(data)).Message);
        Assert.Contains("adamw", Assert.Throws<ArgumentException>(() => new MlpLearner(Small(optimizer: "lbfgs")).Fit(data)).Message);
        Assert.Contains("class index", Assert.Throws<ArgumentException>(() => new MlpLearner(Small()).Fit(data with { Labels = data.Labels.Select(l => l + 5).ToArray() })).Message);
        Assert.Contains("needs ClassCount 2", Assert.Throws<ArgumentException>(() => new MlpLearner(Small()).Fit(data with { ClassCount = 1 })).Message);
        var nan = data.Features.Select(r => r.ToArray()).ToArray();
        nan[3][1] = float.NaN;
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => new MlpLearner(Small()).Fit(data with { Features = nan })).Message);
        var predictor = new MlpLearner(Small(epochs: 1)).Fit(data);
        Assert.Contains("expects 4", Assert.Throws<ArgumentException>(() => predictor.Predict([[1f, 2f]])).Message);
    }
}
