using MMFuse.Data;
using MMFuse.Fusion;
using static MMFuse.Tests.Fusion.ModelFusionTestData;

namespace MMFuse.Tests.Fusion;

public sealed class LateFusionStrategyTests
{
    [Fact]
    public void Learns_almost_no_weight_for_a_noise_modality_and_round_trips_bit_for_bit()
    {
        var train = FusionTestData.Make();
        var strategy = new LateFusionStrategy("logreg");
        var model = (LateFusionModel)strategy.Fit(train);

        Assert.Equal(("late/logreg", "late"), (strategy.Name, strategy.Fusion));
        Assert.True(model.Weights["b"] < 0.15, $"noise weight {model.Weights["b"]}");
        Assert.Equal(1.0, model.Weights.Values.Sum(), 9);
        Assert.True(Accuracy(model.Predict(train.Blocks), train.Targets) > 0.9);

        var (spec, payloads) = model.Describe();
        Assert.Equal(model.Weights["a"], spec["weights"]!["a"]!.GetValue<double>());
        Assert.Equal(["late.a", "late.b"], payloads.Select(p => p.Name));
        FusionRoundTrip.AssertIdentical(model, TaskKind.Multiclass, WithAbsent(train.Blocks, "a", 0, 1, 2));
    }

    [Fact]
    public void Renormalises_the_weights_over_the_modalities_present_in_a_row()
    {
        var train = FusionTestData.Make();
        var model = new LateFusionStrategy("logreg").Fit(train);
        // Rows 0-4: "a" absent (b present in most); rows 5-9: "a" alone; rows 10-11: nothing present.
        var blocks = WithAbsent(WithAbsent(train.Blocks, "a", 0, 1, 2, 3, 4, 10, 11), "b", 5, 6, 7, 8, 9, 10, 11);
        var predictions = model.Predict(blocks);
        AssertProbabilityRows(predictions, 3);

        // "a" alone has all the weight: the same learner and normaliser as the a-only baseline, so the same numbers.
        var aOnly = new UnimodalStrategy("a", "logreg").Fit(train).Predict(train.Blocks);
        for (var r = 5; r < 10; r++)
            Assert.Equal(aOnly[r], predictions[r]);
        // With only the noise modality present its own (near-uniform) probabilities are used, not the informative ones.
        var full = model.Predict(train.Blocks);
        Assert.Contains(Enumerable.Range(0, 5), r => blocks[1].Present[r] && !full[r].SequenceEqual(predictions[r]));
        // Nothing present: the training class frequencies (120 rows, 40 of each class).
        Assert.All(predictions[10..12], p => Assert.Equal([1f / 3, 1f / 3, 1f / 3], p));
    }

    [Fact]
    public void A_modality_name_that_is_no_entry_name_still_makes_a_model_file()
    {
        var train = FusionTestData.Make();
        train = train with { Blocks = [train.Blocks[0] with { Modality = "my image" }, train.Blocks[1]] };
        var model = new LateFusionStrategy("logreg").Fit(train);
        Assert.Equal(["late.my_image-0", "late.b"], model.Describe().Payloads.Select(p => p.Name));
        FusionRoundTrip.AssertIdentical(model, TaskKind.Multiclass, train.Blocks);
    }

    [Fact]
    public void Regression_weights_minimise_squared_error()
    {
        var train = ModelFusionTestData.Regression();
        var model = (LateFusionModel)new LateFusionStrategy("logreg").Fit(train);
        Assert.True(model.Weights["b"] < 0.15, $"noise weight {model.Weights["b"]}");
        var predictions = model.Predict(train.Blocks);
        var rmse = Math.Sqrt(predictions.Select((p, i) => Math.Pow(p[0] - train.Targets[i], 2)).Average());
        Assert.True(rmse < 0.2, $"rmse {rmse}");
        FusionRoundTrip.AssertIdentical(model, TaskKind.Regression, train.Blocks);
    }

    [Fact]
    public void Same_seed_gives_the_same_weights_and_predictions()
    {
        var train = FusionTestData.Make(seed: 4);
        var first = (LateFusionModel)new LateFusionStrategy("logreg").Fit(train);
        var second = (LateFusionModel)new LateFusionStrategy("logreg").Fit(train);
        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Predict(train.Blocks), second.Predict(train.Blocks));
    }

    [Fact]
    public void Simplex_weights_prefer_the_modality_with_the_lower_out_of_fold_loss()
    {
        // Two "modalities" predicting a binary target: one right with 0.9, one a coin flip. All weight goes to the first.
        var targets = Enumerable.Range(0, 40).Select(i => (float)(i % 2)).ToArray();
        float[]?[] good = targets.Select(t => t == 1 ? new[] { 0.1f, 0.9f } : [0.9f, 0.1f]).ToArray();
        float[]?[] coin = targets.Select(_ => new[] { 0.5f, 0.5f }).ToArray();
        var weights = SimplexWeights.Fit([good, coin], targets, TaskKind.Binary, 300);
        Assert.Equal(1.0, weights.Sum(), 9);
        Assert.True(weights[0] > 0.95, $"weights {string.Join(", ", weights)}");
        // A modality that never predicts gets nothing.
        Assert.Equal([1.0, 0.0], SimplexWeights.Fit([good, new float[]?[40]], targets, TaskKind.Binary, 300));
    }
}
