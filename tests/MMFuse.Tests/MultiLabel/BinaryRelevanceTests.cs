using MMFuse.Data;
using MMFuse.Evaluation.MultiLabel;
using MMFuse.Fusion;
using MMFuse.Fusion.MultiLabel;
using MMFuse.Tests.Fusion;

namespace MMFuse.Tests.MultiLabel;

/// <summary>Every strategy family predicts label sets: on data where each label depends on a different modality, each
/// family learns every label, a modality alone learns only its own, and a model round-trips through the model file.</summary>
public sealed class BinaryRelevanceTests
{
    public static TheoryData<string> Families => ["early/logreg", "late/logreg", "vote-soft/logreg", "stacking/logreg", "joint-concat", "joint-gated", "ensemble"];

    /// <summary>The named strategy; the ensemble family as a light one (the catalog's trains three networks per label).</summary>
    private static IFusionStrategy Family(string name) => name == "ensemble"
        ? Strategies.Ensemble("ensemble", Strategies.Early(Learner.LogReg()), Strategies.Late(Learner.LogReg()))
        : StrategyCatalog.Parse(name, null, MultiLabelTestData.Blocks);

    [Theory]
    [MemberData(nameof(Families))]
    public void Every_family_learns_each_label_from_its_own_modality(string name)
    {
        // Thresholds stay at 0.5 here (their tuning is tested below), which keeps the networks to one per label.
        var strategy = new BinaryRelevanceStrategy(Family(name), thresholdFolds: 0);
        using var model = strategy.Fit(MultiLabelTestData.Training(160, seed: 1));
        var (test, truth) = MultiLabelTestData.Make(80, seed: 2);
        var outputs = model.Predict(test);
        var predicted = outputs.Select(MultiLabelOutput.Set).ToArray();
        for (var l = 0; l < truth[0].Length; l++)
        {
            var f1 = MultiLabelMetrics.Label("l", truth, predicted, outputs.Select(o => o[..3]).ToArray(), l).F1;
            Assert.True(f1 > 0.85, $"{name}: label {l} F1 {f1:F3}");
        }
    }

    [Fact]
    public void A_modality_alone_learns_only_the_label_that_depends_on_it()
    {
        var strategy = BinaryRelevanceStrategy.For(StrategyCatalog.Parse("b-only/logreg", null, MultiLabelTestData.Blocks), TaskKind.Multilabel);
        using var model = strategy.Fit(MultiLabelTestData.Training(160, seed: 1));
        var (test, truth) = MultiLabelTestData.Make(200, seed: 2);
        var outputs = model.Predict(test);
        var auc = Enumerable.Range(0, 3).Select(l =>
            MultiLabelMetrics.Label("l", truth, outputs.Select(MultiLabelOutput.Set).ToArray(), outputs.Select(o => o[..3]).ToArray(), l).RocAuc).ToArray();
        Assert.True(auc[1] > 0.95, $"own label AUC {auc[1]:F3}");
        Assert.InRange(auc[0], 0.3, 0.7);
        Assert.InRange(auc[2], 0.3, 0.7);
    }

    [Theory]
    [InlineData("early/logreg")]
    [InlineData("joint-concat")]
    public void A_multilabel_model_predicts_the_same_bits_after_a_round_trip(string name)
    {
        var strategy = new BinaryRelevanceStrategy(StrategyCatalog.Parse(name, null, MultiLabelTestData.Blocks), thresholdFolds: name == "early/logreg" ? 3 : 0);
        using var model = strategy.Fit(MultiLabelTestData.Training(120, seed: 3));
        FusionRoundTrip.AssertIdentical(model, TaskKind.Multilabel, MultiLabelTestData.Make(30, seed: 4).Blocks);
    }

    [Fact]
    public void A_label_no_training_row_has_is_predicted_absent_and_round_trips()
    {
        var train = MultiLabelTestData.Training(90, seed: 5);
        // Clear label 2 everywhere: no learner can train on one class, so it gets a constant model.
        train = train with { Targets = train.Targets.Select(t => (float)((int)t & 0b011)).ToArray() };
        using var model = BinaryRelevanceStrategy.For(StrategyCatalog.Parse("early/logreg", null, MultiLabelTestData.Blocks), TaskKind.Multilabel).Fit(train);
        var test = MultiLabelTestData.Make(20, seed: 6).Blocks;
        Assert.All(model.Predict(test), o => Assert.False(MultiLabelOutput.Chosen(o, 2)));
        FusionRoundTrip.AssertIdentical(model, TaskKind.Multilabel, test);
    }

    [Fact]
    public void Thresholds_are_tuned_per_label_on_the_training_rows_only()
    {
        // Positives scored 0.3 and negatives 0.1 for label 0: the best F1 cut lies between them, far from 0.5.
        Assert.InRange(ThresholdTuner.BestF1([0.3f, 0.3f, 0.1f, 0.1f], [true, true, false, false]), 0.1f, 0.3f);
        Assert.Equal(ThresholdTuner.Default, ThresholdTuner.BestF1([0.3f, 0.1f], [false, false]));
        using var model = (BinaryRelevanceModel)new BinaryRelevanceStrategy(StrategyCatalog.Parse("early/logreg", null, MultiLabelTestData.Blocks))
            .Fit(MultiLabelTestData.Training(120, seed: 7));
        Assert.Equal(3, model.Thresholds.Count);
        Assert.All(model.Thresholds, t => Assert.InRange(t, 0.01f, 0.99f));
    }
}
