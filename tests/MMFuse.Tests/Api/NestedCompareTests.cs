using MMFuse.Fusion;

namespace MMFuse.Tests.Api;

/// <summary><see cref="MultimodalDataset.Compare"/> with <see cref="Selection.Nested"/>: the leaderboard carries the
/// nested score and the pick, and the pick trains into a model file that predicts as the pick did.</summary>
public sealed class NestedCompareTests
{
    [Fact]
    public void The_selected_ensemble_trains_saves_and_loads_with_its_repeated_members()
    {
        using var dir = new TempDirectory();
        var manifest = TestPaths.Samples("avdigits", "avdigits.csv");
        var data = MultimodalDataset.Load(manifest, label: "digit", new DatasetOptions { CacheFolder = dir.File("cache"), Threads = 2 });
        IFusionStrategy[] strategies = [Strategies.Early(Learner.LogReg()), Strategies.Late(Learner.LogReg()), Strategies.Only("audio", Learner.LogReg())];

        var board = data.Compare(strategies, Split.StratifiedKFold(3), new EvaluationOptions { Selection = Selection.Nested });

        Assert.Equal(Selection.Nested, board.Selection);
        var nested = Assert.IsType<global::MMFuse.Evaluation.ModelSelection.NestedSelectionResult>(board.Nested);
        Assert.Equal(3, nested.Folds.Count);
        Assert.All(nested.Folds, f => Assert.All(f.Choice.Weights, w => Assert.Contains(w.Strategy, strategies)));
        Assert.Same(board.Choice!.Strategy, board.Selected);
        Assert.True(board.Choice.Score >= board.Choice.BestSingleScore);

        // A hand-made ensemble with a repeated member, as ensemble selection makes them, round-trips through the model file.
        var repeated = new EnsembleStrategy("selected[early/logreg×2+audio-only/logreg]", [strategies[0], strategies[0], strategies[2]]);
        var path = dir.File("model.mmf");
        float[][] before;
        using (var model = data.Train(repeated))
        {
            before = model.Predict(manifest, new PredictOptions { CacheFolder = dir.File("cache") }).Outputs;
            model.Save(path);
        }
        using var loaded = MultimodalModel.Load(path);
        var after = loaded.Predict(manifest, new PredictOptions { CacheFolder = dir.File("cache") }).Outputs;
        Assert.Equal(before, after);
        // The repeat weighs: the same members once each predict otherwise.
        using var pair = data.Train(new EnsembleStrategy("pair", [strategies[0], strategies[2]]));
        Assert.NotEqual(before, pair.Predict(manifest, new PredictOptions { CacheFolder = dir.File("cache") }).Outputs);
    }

}
