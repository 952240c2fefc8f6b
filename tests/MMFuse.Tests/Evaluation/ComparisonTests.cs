using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;
using MMFuse.Learners;
using MMFuse.Tests.Evaluation.Analysis;

namespace MMFuse.Tests.Evaluation;

public sealed class ComparisonTests
{
    [Fact]
    public void An_ensemble_scored_from_its_members_equals_the_ensemble_trained_on_its_own()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 90);
        IFusionStrategy[] members = [new EarlyFusionStrategy("logreg"), new LateFusionStrategy("logreg")];
        var ensemble = new EnsembleStrategy("ensemble", members);

        var alone = CrossValidator.Run(features, targets, TaskKind.Multiclass, 3, folds, ensemble, NormalizeMode.ZScore, 7, 2);
        var ranked = Comparison.Run(features, targets, TaskKind.Multiclass, 3, folds, [.. members, ensemble], NormalizeMode.ZScore, 7, 2);

        var reused = ranked.Single(r => r.Strategy == "ensemble");
        Assert.Equal(alone.FoldPredictions, reused.FoldPredictions);
        Assert.Equal(alone.Metrics["log_loss"].PerFold, reused.Metrics["log_loss"].PerFold);
        Assert.Equal(ranked.Where(r => r.Strategy != "ensemble").Sum(r => r.Seconds), reused.Seconds, 9);
    }

    [Fact]
    public void An_ensemble_without_its_members_on_the_list_trains_them()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 60);
        var ensemble = new EnsembleStrategy("ensemble", [new EarlyFusionStrategy("logreg"), new CentroidStrategy()]);

        var ranked = Comparison.Run(features, targets, TaskKind.Multiclass, 3, folds, [new CentroidStrategy(), ensemble], NormalizeMode.ZScore, 7, 2);

        var result = ranked.Single(r => r.Strategy == "ensemble");
        Assert.True(result.Metrics["accuracy"].Mean > 0.8, $"accuracy {result.Metrics["accuracy"].Mean}");
        var alone = CrossValidator.Run(features, targets, TaskKind.Multiclass, 3, folds, ensemble, NormalizeMode.ZScore, 7, 2);
        Assert.Equal(alone.FoldPredictions, result.FoldPredictions);
    }

    [Fact]
    public void A_listed_strategy_of_the_same_name_but_other_options_is_not_taken_for_a_member()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 90);
        var ensemble = new EnsembleStrategy("ensemble", [new EarlyFusionStrategy("logreg"), new CentroidStrategy()]);
        // Also named early/logreg, but so heavily penalised that its probabilities are far from the member's.
        IFusionStrategy[] listed = [new EarlyFusionStrategy("logreg", new LogRegOptions(L2: 1e4)), new CentroidStrategy()];

        var ranked = Comparison.Run(features, targets, TaskKind.Multiclass, 3, folds, [.. listed, ensemble], NormalizeMode.ZScore, 7, 2);

        var alone = CrossValidator.Run(features, targets, TaskKind.Multiclass, 3, folds, ensemble, NormalizeMode.ZScore, 7, 2);
        Assert.Equal(alone.FoldPredictions, ranked.Single(r => r.Strategy == "ensemble").FoldPredictions);
    }

    [Fact]
    public void The_cli_lists_the_ensemble_with_its_members_as_the_very_same_objects()
    {
        var list = global::MMFuse.StrategyCatalog.ParseAll(["joint-concat", "ensemble", "early/mlp", "early/logreg"], null, ["a", "b"]);

        var ensemble = Assert.IsType<EnsembleStrategy>(list[1]);
        Assert.Equal(["joint-concat", "joint-gated", "early/mlp"], ensemble.Members.Select(m => m.Name));
        Assert.Same(list[0], ensemble.Members[0]);
        Assert.Same(list[2], ensemble.Members[2]);
        Assert.Equal(4, list.Count);
    }
}
