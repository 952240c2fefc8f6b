using MMFuse.Data;
using MMFuse.Learners;

namespace MMFuse.Tests.Learners;

public sealed class MlNetLearnerTests
{
    public static TheoryData<string, TaskKind> Cases => LearnerCases.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fits_a_separable_problem_with_valid_outputs(string name, TaskKind task)
    {
        var (train, test) = SyntheticData.Split(SyntheticData.Make(task, 240, seed: 11));
        var predictor = LearnerCases.Create(name, task).Fit(train);
        var output = predictor.Predict(test.Features);

        Assert.Equal("mlnet", predictor.Kind);
        Assert.Equal(test.Rows, output.Length);
        if (task == TaskKind.Regression)
        {
            Assert.All(output, row => Assert.Single(row));
            var mean = test.Labels.Average();
            var ssTot = test.Labels.Sum(y => (y - mean) * (y - mean));
            var ssRes = output.Select((p, i) => (p[0] - test.Labels[i]) * (p[0] - test.Labels[i])).Sum();
            var r2 = 1 - ssRes / ssTot;
            Assert.True(r2 > 0.8, $"{name} R² {r2}");
            return;
        }
        Assert.All(output, row =>
        {
            Assert.Equal(test.ClassCount, row.Length);
            Assert.All(row, p => Assert.InRange(p, 0f, 1f));
            Assert.Equal(1.0, row.Sum(p => (double)p), 5);
        });
        var accuracy = output.Select((p, i) => Array.IndexOf(p, p.Max()) == (int)test.Labels[i] ? 1.0 : 0.0).Average();
        Assert.True(accuracy >= 0.95, $"{name} accuracy {accuracy}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Same_seed_gives_identical_predictions_and_save_load_is_bit_exact(string name, TaskKind task)
    {
        var data = SyntheticData.Make(task, 120, seed: 5);
        var first = LearnerCases.Create(name, task).Fit(data);
        var second = LearnerCases.Create(name, task).Fit(data);
        var expected = first.Predict(data.Features);
        AssertBitEqual(expected, second.Predict(data.Features));

        using var stream = new MemoryStream();
        first.Save(stream);
        using var again = new MemoryStream();
        second.Save(again);
        Assert.Equal(stream.ToArray(), again.ToArray()); // same model, same bytes (no save timestamps)
        stream.WriteByte(0x5A); // a following payload must be left unread
        stream.Position = 0;
        var loaded = PredictorLoader.Load(first.Kind, stream);
        Assert.Equal(stream.Length - 1, stream.Position);
        AssertBitEqual(expected, loaded.Predict(data.Features));
    }

    [Fact]
    public void Truncated_or_corrupted_payload_is_rejected()
    {
        var data = SyntheticData.Make(TaskKind.Binary, 60, seed: 3);
        using var full = new MemoryStream();
        LearnerCases.Create("logreg", TaskKind.Binary).Fit(data).Save(full);
        var bytes = full.ToArray();

        foreach (var cut in new[] { 5, 40, bytes.Length / 2, bytes.Length - 1 })
        {
            var e = Assert.Throws<InvalidDataException>(() => PredictorLoader.Load("mlnet", new MemoryStream(bytes[..cut])));
            Assert.Contains("truncated", e.Message);
        }
        var corrupted = (byte[])bytes.Clone();
        corrupted[bytes.Length / 2] ^= 0xFF;
        Assert.Contains("SHA-256", Assert.Throws<InvalidDataException>(() => PredictorLoader.Load("mlnet", new MemoryStream(corrupted))).Message);
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => PredictorLoader.Load("mlnet", new MemoryStream(new byte[64]))).Message);
    }

    [Theory]
    [InlineData("logreg")]
    [InlineData("svm")]
    [InlineData("gbdt")]
    [InlineData("forest")]
    public void Sample_weights_shift_the_fitted_probabilities(string name)
    {
        // Pure noise features, labels 50/50: only the weights can make class 1 likelier.
        var noise = SyntheticData.Blobs(200, 3, 2, seed: 9, spread: 1.0);
        var features = noise.Features.Select(r => r.Select(v => v * 0.01f).ToArray()).ToArray();
        var data = noise with { Features = features, Labels = Enumerable.Range(0, 200).Select(i => (float)((i / 2) % 2)).ToArray() };
        var weighted = data with { Weights = data.Labels.Select(y => y == 1 ? 9f : 1f).ToArray() };

        double MeanP1(LearnerData d) => LearnerCases.Create(name, TaskKind.Binary).Fit(d).Predict(d.Features).Average(p => p[1]);
        var plain = MeanP1(data);
        var shifted = MeanP1(weighted);
        Assert.True(shifted > plain + 0.1, $"{name}: mean P(1) {plain} without weights, {shifted} with");
    }

    [Fact]
    public void Svm_regression_refuses_weights_instead_of_ignoring_them()
    {
        var data = SyntheticData.Linear(40, 3, seed: 1);
        var weighted = data with { Weights = Enumerable.Repeat(1f, 40).ToArray() };
        Assert.Throws<NotSupportedException>(() => LearnerFactory.Create("svm", TaskKind.Regression).Fit(weighted));
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_clear_message()
    {
        var data = SyntheticData.Make(TaskKind.Multiclass, 30, seed: 2);
        var learner = LearnerFactory.Create("logreg", TaskKind.Multiclass);

        var nan = data with { Features = data.Features.Select(r => r.ToArray()).ToArray() };
        nan.Features[4][1] = float.NaN;
        Assert.Contains("row 4, feature 1", Assert.Throws<ArgumentException>(() => learner.Fit(nan)).Message);

        var badLabel = data with { Labels = data.Labels.Select(y => y + 1).ToArray() };
        Assert.Contains("not a class index", Assert.Throws<ArgumentException>(() => learner.Fit(badLabel)).Message);

        Assert.Contains("Binary", Assert.Throws<ArgumentException>(
            () => LearnerFactory.Create("logreg", TaskKind.Binary).Fit(data)).Message);

        var predictor = learner.Fit(data);
        Assert.Contains("expected 5", Assert.Throws<ArgumentException>(() => predictor.Predict([new float[4]])).Message);
    }

    [Fact]
    public void Factory_lists_valid_names_for_an_unknown_one_and_checks_option_types()
    {
        var e = Assert.Throws<ArgumentException>(() => LearnerFactory.Create("xgboost", TaskKind.Binary));
        Assert.Contains("forest, gbdt, logreg, mlp, svm", e.Message);
        var wrong = Assert.Throws<ArgumentException>(() => LearnerFactory.Create("logreg", TaskKind.Binary, 0, new GbdtOptions()));
        Assert.Contains("LogRegOptions", wrong.Message);
        Assert.Contains("Known kinds: mlnet", Assert.Throws<ArgumentException>(() => PredictorLoader.Load("onnx", Stream.Null)).Message);
    }

    private static void AssertBitEqual(float[][] expected, float[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(
                expected[i].Select(BitConverter.SingleToInt32Bits),
                actual[i].Select(BitConverter.SingleToInt32Bits));
        }
    }
}
