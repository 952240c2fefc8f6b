using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Analysis;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;

namespace MMFuse.Tests.Evaluation.Analysis;

public sealed class ModalityContributionTests
{
    private static readonly AnalysisOptions Fast = new() { BootstrapSamples = 50 };

    [Fact]
    public void Removing_or_masking_the_informative_block_costs_a_lot_and_the_noise_block_barely_anything()
    {
        var (features, targets, folds) = AnalysisTestData.Make();
        var result = AnalysisRunner.Run(features, targets, TaskKind.Multiclass, 3, folds, new CentroidStrategy(), NormalizeMode.ZScore, 1, Fast);

        Assert.Equal("accuracy", result.Metric);
        Assert.True(result.Metrics["accuracy"].Mean > 0.9, $"full {result.Metrics["accuracy"].Mean}");
        var a = result.Contributions.Single(c => c.Block == "a");
        var b = result.Contributions.Single(c => c.Block == "b");
        Assert.True(a.AblationDrop > 0.4, $"ablation drop of a {a.AblationDrop}");
        Assert.True(a.RelianceDrop > 0.4, $"reliance drop of a {a.RelianceDrop}");
        Assert.True(Math.Abs(b.AblationDrop!.Value) < 0.1, $"ablation drop of b {b.AblationDrop}");
        Assert.True(Math.Abs(b.RelianceDrop) < 0.1, $"reliance drop of b {b.RelianceDrop}");
        Assert.Equal(result.Metrics["accuracy"].Mean - a.AblationMetric!.Value, a.AblationDrop!.Value, 12);
    }

    [Fact]
    public void The_fold_models_reproduce_the_cross_validator_exactly()
    {
        var (features, targets, folds) = AnalysisTestData.Make();
        var cv = CrossValidator.Run(features, targets, TaskKind.Multiclass, 3, folds, new CentroidStrategy(), NormalizeMode.ZScore, 1);
        var models = FoldModels.Train(features, targets, TaskKind.Multiclass, 3, folds, new CentroidStrategy(), NormalizeMode.ZScore, 1, 2);
        Assert.Equal(cv.FoldPredictions, models.Clean.FoldPredictions);
        Assert.Equal(cv.Metrics["log_loss"].PerFold, models.Clean.Metrics["log_loss"].PerFold);
    }

    [Fact]
    public void A_real_fusion_strategy_shows_the_same_picture_with_retraining()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 90);
        var result = AnalysisRunner.Run(features, targets, TaskKind.Multiclass, 3, folds, new EarlyFusionStrategy("logreg"), NormalizeMode.ZScore, 1,
            Fast with { Robustness = false });
        var a = result.Contributions.Single(c => c.Block == "a");
        var b = result.Contributions.Single(c => c.Block == "b");
        Assert.True(a.AblationDrop > 0.3 && a.RelianceDrop > 0.3, $"a: {a}");
        Assert.True(Math.Abs(b.AblationDrop!.Value) < 0.15 && Math.Abs(b.RelianceDrop) < 0.15, $"b: {b}");
        Assert.Empty(result.Robustness);
    }

    [Fact]
    public void A_unimodal_baseline_cannot_be_ablated_of_its_block_and_says_so()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 60);
        var result = AnalysisRunner.Run(features, targets, TaskKind.Multiclass, 3, folds, new UnimodalStrategy("a", "logreg"), NormalizeMode.ZScore, 1,
            Fast with { Robustness = false });
        var a = result.Contributions.Single(c => c.Block == "a");
        Assert.Null(a.AblationMetric);
        Assert.Contains("cannot be trained without it", a.AblationNote);
        Assert.NotNull(result.Contributions.Single(c => c.Block == "b").AblationMetric);
    }

    [Fact]
    public void Without_drops_exactly_one_block()
    {
        var (features, targets, _) = AnalysisTestData.Make(rows: 30, tabular: null);
        var withTabular = features with { Tabular = AnalysisTestData.InformativeTabular(targets) };
        Assert.Equal(["b", "tabular"], ContributionAnalysis.Without(withTabular, "a").BlockNames);
        Assert.Equal(["a", "b"], ContributionAnalysis.Without(withTabular, "tabular").BlockNames);
    }

    [Fact]
    public void Regression_uses_rmse_where_a_drop_means_a_larger_error_and_skips_the_class_analyses()
    {
        var (features, _, _) = AnalysisTestData.Make(rows: 90);
        // The target is the sum of block a's values: a linear function of the informative block.
        var targets = features.Pretrained[0].Rows.Select(r => r.Sum()).ToArray();
        var kfold = Splitter.Split(new SplitSpec(SplitKind.KFold, Folds: 5, Seed: 3), 90);
        var result = AnalysisRunner.Run(features, targets, TaskKind.Regression, 0, kfold, new EarlyFusionStrategy("logreg"), NormalizeMode.ZScore, 1,
            Fast with { Robustness = false });
        Assert.Equal("rmse", result.Metric);
        var a = result.Contributions.Single(c => c.Block == "a");
        Assert.True(a.AblationMetric > result.Metrics["rmse"].Mean && a.AblationDrop > 0, a.ToString());
        Assert.Equal(a.AblationMetric!.Value - result.Metrics["rmse"].Mean, a.AblationDrop!.Value, 12);
        Assert.Equal(["rmse", "mae", "r2"], result.Intervals.Select(i => i.Metric));
        Assert.Null(result.Calibration);
        Assert.Null(result.ConfusionMatrix);
    }
}
