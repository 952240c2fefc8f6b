using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;
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
}
