using System.Text;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Tests.Cli;

namespace MMFuse.Tests.Weights;

/// <summary>The weight column end to end: its own role (never a feature, never scanned as one), bad cells refused or
/// skipped and counted, weighted evaluation through the library and the CLI, and the model file's record.</summary>
public sealed class WeightColumnTests
{
    /// <summary>60 rows: numbers a, b, the label y (yes when a &gt; b) and a weight w that gives the label away
    /// (2 for yes, 1 for no) — a leak if it were a feature.</summary>
    private static string Table(TempDirectory dir, Func<int, string>? weightCell = null)
    {
        var random = new Random(3);
        var text = new StringBuilder("id,a,b,w,y\n");
        for (var i = 0; i < 60; i++)
        {
            var (a, b) = (random.Next(100), random.Next(100));
            var yes = a > b;
            text.Append($"{i},{a},{b},{weightCell?.Invoke(i) ?? (yes ? "2" : "1")},{(yes ? "yes" : "no")}\n");
        }
        return dir.Write("rows.csv", text.ToString());
    }

    private static DatasetOptions Options(TempDirectory dir) => new() { Label = "y", Weight = "w", CacheFolder = dir.File("cache"), Threads = 2 };

    [Fact]
    public void The_weight_column_has_its_own_role_and_is_neither_a_feature_nor_scanned_for_leaks()
    {
        using var dir = new TempDirectory();
        var path = Table(dir);

        var weighted = MultimodalDataset.Load(path, options: Options(dir));
        var unweighted = MultimodalDataset.Load(path, options: Options(dir) with { Weight = null });

        Assert.Equal(ColumnRole.Weight, weighted.Schema["w"].Role);
        Assert.Equal(["a", "b"], weighted.Prepare(null, default).Features.Tabular.Select(c => c.Name));
        Assert.Contains(unweighted.Warnings, w => w.ToString().Contains("'w'"));
        Assert.DoesNotContain(weighted.Warnings, w => w.ToString().Contains("'w'"));
        Assert.Equal(60, weighted.Prepare(null, default).Weights!.Length);
    }

    [Fact]
    public void Bad_weight_cells_stop_the_run_naming_row_and_column_or_are_skipped_and_counted()
    {
        using var dir = new TempDirectory();
        var path = Table(dir, i => i switch { 4 => "-1", 6 => "heavy", 8 => "", 10 => "1e60", _ => "1" });

        var error = Assert.Throws<MMFuseInputException>(() => MultimodalDataset.Load(path, options: Options(dir)));
        Assert.Contains("row 5, column 'w': sample weight '-1' is negative", error.Message);
        Assert.Contains("row 7, column 'w': sample weight 'heavy' is not a number", error.Message);
        Assert.Contains("row 9, column 'w': the sample weight is empty", error.Message);
        Assert.Contains("row 11, column 'w': sample weight '1e60' is not a number", error.Message);

        var skipped = MultimodalDataset.Load(path, options: Options(dir) with { BadRows = BadRowPolicy.Skip });
        Assert.Equal(4, skipped.Inspection.RowsSkipped);
        Assert.Equal(56, skipped.RowsUsed);
    }

    [Fact]
    public void An_unknown_weight_column_is_named_by_its_setting()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<MMFuseInputException>(() => MultimodalDataset.Load(Table(dir), options: Options(dir) with { Weight = "W" }));
        Assert.Contains("DatasetOptions.Weight: there is no column 'W' (did you mean 'w'?)", error.Message);
    }

    [Fact]
    public void Evaluation_is_weighted_and_the_model_file_records_how_it_was_trained()
    {
        using var dir = new TempDirectory();
        var data = MultimodalDataset.Load(Table(dir), options: Options(dir));
        var options = new EvaluationOptions { ClassWeight = ClassWeight.Balanced };

        var run = data.Evaluate(Strategies.Early(Learner.LogReg()), Split.StratifiedKFold(3), options);
        var weights = data.Prepare(null, default).Weights!;
        var targets = data.Prepare(null, default).Targets;
        var fold = run.Folds[0];
        var expected = ClassificationMetrics.Compute(run.Result.FoldPredictions[0], fold.Test.Select(i => (int)targets[i]).ToArray(), 2,
            fold.Test.Select(i => weights[i]).ToArray());
        Assert.Equal(expected.LogLoss, run.Result.FoldScores[0]["log_loss"]);
        Assert.Equal("sample weights (column w), class weight balanced", data.Weighting(options));

        var path = dir.File("model.mmf");
        using (var model = data.Train(Strategies.Early(Learner.LogReg()), options))
            model.Save(path);
        using var loaded = MultimodalModel.Load(path);
        Assert.Equal(new MMFuse.Bundle.ManifestWeighting("w", ClassWeight.Balanced), loaded.Weighting);
        // Prediction needs no weight column.
        Assert.Equal(60, loaded.Predict(dir.Write("new.csv", "a,b\n" + string.Join("\n", Enumerable.Range(0, 60).Select(i => $"{i},{60 - i}")) + "\n")).Count);

        var plainPath = dir.File("plain.mmf");
        using (var plain = MultimodalDataset.Load(Table(dir), options: Options(dir) with { Weight = null }).Train(Strategies.Early(Learner.LogReg())))
            plain.Save(plainPath);
        using var plainModel = MultimodalModel.Load(plainPath);
        Assert.Null(plainModel.Weighting);
    }

    [Fact]
    public void The_cli_takes_weight_and_class_weight_and_says_so_in_json_and_on_screen()
    {
        using var dir = new TempDirectory();
        var path = Table(dir);
        var json = dir.File("e.json");

        var (code, output, error) = CliRunner.Run("evaluate", path, "--label", "y", "--weight", "w", "--class-weight", "balanced", "--cv", "3",
            "--cache", dir.File("cache"), "--json", json);

        Assert.True(code == 0, error);
        Assert.Contains("weighting: sample weights (column w), class weight balanced; metrics weighted by column w", output);
        var weighting = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(json))!["weighting"]!;
        Assert.Equal("w", weighting["sample_weight"]!.GetValue<string>());
        Assert.Equal("balanced", weighting["class_weight"]!.GetValue<string>());
        Assert.True(weighting["metrics_weighted"]!.GetValue<bool>());

        var (badCode, _, badError) = CliRunner.Run("evaluate", path, "--label", "y", "--class-weight", "heavy", "--cache", dir.File("cache"));
        Assert.Equal(2, badCode);
        Assert.Contains("--class-weight: 'heavy' is not one of none, balanced", badError);

        var (missingCode, _, missingError) = CliRunner.Run("evaluate", path, "--label", "y", "--weight", "nope", "--cache", dir.File("cache"));
        Assert.Equal(2, missingCode);
        Assert.Contains("--weight: there is no column 'nope'", missingError);
    }
}
