using MMFuse.Bundle;
using MMFuse.Data;
using MMFuse.Learners;
using MMFuse.Learners.Torch;
using MMFuse.Tests.Learners.Torch;

namespace MMFuse.Tests.Bundle;

[Collection(TorchCollection.Name)]
public sealed class BundlePredictorTests
{
    [Fact]
    public void Mlp_saved_in_a_bundle_predicts_bit_identically_after_loading()
    {
        using var temp = new TempDirectory();
        var data = TorchTestData.Blobs(3, 20);
        var options = new MlpOptions(HiddenSizes: [12, 8], Activation: "gelu",
            Training: new TrainingOptions(LearningRate: 0.01, BatchSize: 16, Epochs: 8, Seed: 3));
        var trained = new MlpLearner(options).Fit(data);
        var path = temp.File("mlp.mmf");
        var written = new ModelBundleWriter(BundleSamples.Manifest()).AddPredictor("predictor", trained).Write(path);
        Assert.Equal(TorchPredictorLoader.Kinds[0], Assert.Single(written.Payloads).Kind);

        var loaded = ModelBundle.Load(path).LoadPredictor("predictor");
        try
        {
            Assert.Equal(trained.Kind, loaded.Kind);
            Assert.Equal(trained.Predict(data.Features), loaded.Predict(data.Features));
        }
        finally
        {
            (trained as IDisposable)?.Dispose();
            (loaded as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void Torch_and_mlnet_kinds_are_registered_by_default()
    {
        Assert.All(TorchPredictorLoader.Kinds, kind => Assert.True(PredictorLoader.CanLoad(kind)));
        Assert.True(PredictorLoader.CanLoad("mlnet"));
    }

    [Fact]
    public void Registered_loader_restores_its_kind_and_unknown_kinds_are_input_errors()
    {
        using var temp = new TempDirectory();
        var kind = "test-constant-" + Guid.NewGuid().ToString("N");
        var path = temp.File("m.mmf");
        new ModelBundleWriter(BundleSamples.Manifest()).AddPredictor("p", new ConstantPredictor(kind, 2.5f)).Write(path);
        var bundle = ModelBundle.Load(path);

        var message = Assert.Throws<MMFuseInputException>(() => bundle.LoadPredictor("p")).Message;
        Assert.Contains(path, message);
        Assert.Contains($"kind '{kind}'", message);

        PredictorLoader.Register(kind, ConstantPredictor.Load(kind));
        Assert.Contains(kind, PredictorLoader.Kinds);
        Assert.Equal([[2.5f]], bundle.LoadPredictor("p").Predict([[1f, 2f]]));
    }

    [Fact]
    public void Payload_its_loader_rejects_is_an_input_error_naming_the_payload()
    {
        using var temp = new TempDirectory();
        var path = temp.File("m.mmf");
        new ModelBundleWriter(BundleSamples.Manifest()).AddPayload("predictor", TorchPredictorLoader.Kinds[0], "not weights"u8.ToArray()).Write(path);
        var message = Assert.Throws<MMFuseInputException>(() => ModelBundle.Load(path).LoadPredictor("predictor")).Message;
        Assert.Contains(path, message);
        Assert.Contains("payload 'predictor'", message);
    }

    /// <summary>Predicts one fixed value; saves it as four bytes.</summary>
    private sealed class ConstantPredictor(string kind, float value) : IPredictor
    {
        public string Kind => kind;

        public float[][] Predict(float[][] features) => features.Select(_ => new[] { value }).ToArray();

        public void Save(Stream stream) => stream.Write(BitConverter.GetBytes(value));

        public static Func<Stream, IPredictor> Load(string kind) => stream =>
        {
            var bytes = new byte[4];
            stream.ReadExactly(bytes);
            return new ConstantPredictor(kind, BitConverter.ToSingle(bytes));
        };
    }
}
