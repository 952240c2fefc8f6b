using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;
using MMFuse.Learners;
using static MMFuse.Tests.Fusion.ModelFusionTestData;

namespace MMFuse.Tests.Fusion;

public sealed class StackingStrategyTests
{
    private static readonly StackingOptions Fast = new(LearnerOptions: new Dictionary<string, LearnerOptions>
    {
        ["gbdt"] = new GbdtOptions(Iterations: 20),
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Learns_from_the_base_learners_and_round_trips_bit_for_bit(bool passthrough)
    {
        var train = FusionTestData.Make();
        var strategy = new StackingStrategy(["logreg", "gbdt"], "logreg", passthrough, Fast);
        Assert.Equal(("stacking/logreg", "stacking"), (strategy.Name, strategy.Fusion));
        var model = (StackingModel)strategy.Fit(train);

        var predictions = model.Predict(train.Blocks);
        AssertProbabilityRows(predictions, 3);
        Assert.True(Accuracy(predictions, train.Targets) > 0.9);
        // 2 modalities × 2 bases × 3 classes, 2 concatenated bases × 3 classes, 2 presence indicators, then the raw blocks (4 + 5 columns).
        Assert.Equal(12 + 6 + 2 + (passthrough ? 9 : 0), model.MetaFeatureNames.Count);
        Assert.Equal(["stack.meta", "stack.base.a.logreg", "stack.base.a.gbdt", "stack.base.b.logreg", "stack.base.b.gbdt",
            "stack.concat.logreg.early.predictor", "stack.concat.gbdt.early.predictor"], model.Describe().Payloads.Select(p => p.Name));

        var blocks = WithAbsent(WithAbsent(train.Blocks, "a", 0, 1, 2), "b", 2, 3);
        AssertProbabilityRows(model.Predict(blocks), 3);
        FusionRoundTrip.AssertIdentical(model, TaskKind.Multiclass, blocks);
    }

    [Fact]
    public void Meta_features_are_out_of_fold_so_a_memorising_base_learner_looks_as_bad_as_it_is()
    {
        var (features, labels) = Memorisable();
        var train = new FusionTrainingSet(features.Pretrained, labels, TaskKind.Binary, 2, Seed: 7);
        var id = features.Pretrained[0];

        // In-fold, the id block's learner recalls its training labels: meta-features made that way would be perfect.
        var inFold = new BlockLearner("logreg", null, TaskKind.Binary, 2, 7, NormalizeMode.ZScore).Fit(id, labels)!.Predict(id);
        Assert.True(Accuracy(inFold.Select(p => p!).ToArray(), labels) > 0.95);

        // The stacking meta-features (columns 0-1: id.logreg's probabilities) know nothing about the labels.
        var (meta, _, _, _, _) = new StackingStrategy(["logreg"], "logreg").Stack(train);
        var outOfFold = Accuracy(meta.Select(row => row[..2]).ToArray(), labels);
        Assert.True(outOfFold < 0.5 + 0.15, $"out-of-fold accuracy of the id learner {outOfFold}");
    }

    [Fact]
    public void Cross_validated_accuracy_on_random_labels_stays_at_chance()
    {
        var (features, labels) = Memorisable();
        var folds = Splitter.Split(new SplitSpec(Folds: 4, Seed: 2), labels.Length, labels.Select(l => (int)l).ToArray());
        // logreg memorises the id block (see above). gbdt is left out: LightGBM cannot split a column whose value
        // occurs once, and ML.NET's wrapper then crashes on the split-less tree (dotnet/machinelearning#5022).
        var result = CrossValidator.Run(features, labels, TaskKind.Binary, 2, folds,
            new StackingStrategy(["logreg"], "logreg"), NormalizeMode.ZScore, seed: 7);
        var accuracy = result.Metrics["accuracy"].Mean;
        Assert.True(accuracy < 0.5 + 0.15, $"cross-validated accuracy {accuracy}");
    }

    [Fact]
    public void Same_seed_gives_the_same_predictions()
    {
        var train = FusionTestData.Make(seed: 6);
        var strategy = new StackingStrategy(["logreg", "gbdt"], "logreg", options: Fast);
        Assert.Equal(strategy.Fit(train).Predict(train.Blocks), strategy.Fit(train).Predict(train.Blocks));
    }

    [Fact]
    public void An_absent_modality_contributes_the_prior_and_a_zero_indicator()
    {
        var prior = new[] { 0.25f, 0.75f };
        var meta = StackingFeatures.Build([[[0.1f, 0.9f], null]], [[true, false]], prior,
            [new FeatureBlock("a", "test", 1, [[5f], [0f]], [true, false])]);
        Assert.Equal([0.1f, 0.9f, 1f, 5f], meta[0]);
        Assert.Equal([0.25f, 0.75f, 0f, 0f], meta[1]);
    }

    [Fact]
    public void Regression_stacks_values()
    {
        var train = ModelFusionTestData.Regression();
        var model = new StackingStrategy(["logreg"], "logreg", options: Fast).Fit(train);
        var predictions = model.Predict(train.Blocks);
        var rmse = Math.Sqrt(predictions.Select((p, i) => Math.Pow(p[0] - train.Targets[i], 2)).Average());
        Assert.True(rmse < 0.2, $"rmse {rmse}");
        FusionRoundTrip.AssertIdentical(model, TaskKind.Regression, WithAbsent(train.Blocks, "a", 0));
    }
}
