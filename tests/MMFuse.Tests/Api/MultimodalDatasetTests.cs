using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Learners;
using MMFuse.Tests.Cli;

namespace MMFuse.Tests.Api;

/// <summary>The library's entry point does the whole job — load, compare, train, save, load, predict — and gives what the CLI gives.</summary>
public sealed class MultimodalDatasetTests
{
    private static string Manifest => TestPaths.Samples("avdigits", "avdigits.csv");

    private static DatasetOptions Options(TempDirectory dir) => new() { CacheFolder = dir.File("cache"), Threads = 2 };

    [Fact]
    public void Compare_ranks_the_strategy_objects_given_and_the_winner_trains_into_a_model_the_cli_predicts_identically()
    {
        using var dir = new TempDirectory();
        var data = MultimodalDataset.Load(Manifest, label: "digit", Options(dir));
        var early = Strategies.Early(Learner.LogReg());
        var late = Strategies.Late(Learner.LogReg(new LogRegOptions(L2: 0.5)));
        var board = data.Compare([early, late], Split.StratifiedKFold(3));

        Assert.Equal(2, board.Rows.Count);
        Assert.True(ReferenceEquals(board.Best, early) || ReferenceEquals(board.Best, late));
        Assert.True(board.Rows[0].MainMetric >= board.Rows[1].MainMetric);
        Assert.Equal(["image", "audio"], data.Modalities);
        Assert.Equal(3, board.Folds.Count);

        var path = dir.File("model.mmf");
        using (var model = data.Train(board.Best))
            model.Save(path);
        using var loaded = MultimodalModel.Load(path);
        Assert.Equal(board.Best.Name, loaded.Strategy);
        var predictions = loaded.Predict(Manifest, new PredictOptions { CacheFolder = dir.File("cache") });
        Assert.Equal(120, predictions.Count);

        var (code, _, error) = CliRunner.Run("predict", path, Manifest, "--out", dir.File("cli.csv"), "--cache", dir.File("cache"));
        Assert.True(code == 0, error);
        Assert.Equal(File.ReadAllText(dir.File("cli.csv")), predictions.ToCsv());
    }

    [Fact]
    public void The_same_seed_gives_the_same_leaderboard_numbers_from_the_library_and_the_cli()
    {
        using var dir = new TempDirectory();
        var data = MultimodalDataset.Load(Manifest, label: "digit", Options(dir));
        var board = data.Compare([Strategies.Early(Learner.LogReg())], Split.StratifiedKFold(3));
        var (code, _, error) = CliRunner.Run("compare", Manifest, "--label", "digit", "--strategies", "early/logreg", "--cv", "3", "--cache", dir.File("cache"),
            "--json", dir.File("board.json"));
        Assert.True(code == 0, error);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(dir.File("board.json")))!;
        var accuracy = json["leaderboard"]![0]!["metrics"]!["accuracy"]!["mean"]!.GetValue<double>();
        Assert.Equal(Math.Round(board.Rows[0].MainMetric, 6), accuracy);
    }

    [Fact]
    public void A_cancelled_token_stops_the_comparison()
    {
        using var dir = new TempDirectory();
        var data = MultimodalDataset.Load(Manifest, label: "digit", Options(dir));
        data.Featurize();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => data.Compare([Strategies.Early(Learner.LogReg())], Split.StratifiedKFold(3), cancel: cancel.Token));
    }

    [Fact]
    public void Progress_reports_each_column_and_each_strategy()
    {
        using var dir = new TempDirectory();
        var data = MultimodalDataset.Load(Manifest, label: "digit", Options(dir));
        var reports = new List<MMFuseProgress>();
        var progress = new Synchronous(reports);
        data.Compare([Strategies.Early(Learner.LogReg()), Strategies.Only("audio", Learner.LogReg())], Split.StratifiedKFold(3), progress: progress);
        lock (reports)
        {
            Assert.Contains(reports, r => r is ExtractionProgress { Column: "audio", Finished: true });
            Assert.Contains(reports, r => r is ExtractionProgress { Column: "image", Finished: true });
            Assert.Equal(["early/logreg", "audio-only/logreg"], reports.OfType<StrategyFinished>().Select(s => s.Strategy));
        }
    }

    [Fact]
    public void Grouped_folds_also_score_random_folds_for_the_gap()
    {
        using var dir = new TempDirectory();
        var options = Options(dir) with { Groups = new GroupTable(TestPaths.Samples("avdigits", "avdigits_meta.csv"), "id", "base_voice") };
        var data = MultimodalDataset.Load(Manifest, label: "digit", options);
        Assert.True(data.HasGroups);
        var board = data.Compare([Strategies.Early(Learner.LogReg())], Split.GroupKFold(3));
        Assert.NotNull(board.Rows[0].RandomFolds);
        Assert.Equal(SplitKind.GroupKFold, board.Split.Kind);
    }

    [Fact]
    public void Analyze_gives_the_reports_analyses_as_objects()
    {
        using var dir = new TempDirectory();
        var data = MultimodalDataset.Load(Manifest, label: "digit", Options(dir));
        var analysis = data.Analyze(Strategies.Early(Learner.LogReg()), Split.StratifiedKFold(3));
        Assert.Equal("early/logreg", analysis.Strategy);
        Assert.Equal(["image", "audio"], analysis.Contributions.Select(c => c.Block));
        Assert.NotNull(analysis.Calibration);
        Assert.Equal(120, analysis.Explanations!.Rows.Count);
        Assert.Equal(10, analysis.ConfusionMatrix!.Length);
    }

    [Fact]
    public void A_table_without_a_label_cannot_learn_and_says_so()
    {
        using var dir = new TempDirectory();
        var data = MultimodalDataset.Load(Manifest, options: Options(dir));
        var error = Assert.Throws<MMFuseInputException>(() => data.Compare());
        Assert.Contains("label", error.Message);
    }

    private sealed class Synchronous(List<MMFuseProgress> reports) : IProgress<MMFuseProgress>
    {
        public void Report(MMFuseProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
