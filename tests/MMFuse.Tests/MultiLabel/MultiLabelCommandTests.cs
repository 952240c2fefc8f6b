using System.Text.Json.Nodes;
using MMFuse.Tests.Cli;

namespace MMFuse.Tests.MultiLabel;

/// <summary>
/// Multilabel end to end on the avdigits sample (pixels + log-mel), its digit turned into three labels: odd, high (5 or
/// more) and prime. Once as one label cell with a separator, once as three 0/1 columns: evaluate, compare with a
/// report, train and predict, and the library's model round trip.
/// </summary>
public sealed class MultiLabelCommandTests : IDisposable
{
    private static readonly string[] Labels = ["high", "odd", "prime"];
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The sample with absolute media paths and the digit replaced by a tags cell ("odd|prime") or 0/1 columns.</summary>
    private string Table(bool columns)
    {
        var folder = Path.GetDirectoryName(TestPaths.Samples("avdigits", "avdigits.csv"))!;
        var lines = File.ReadAllLines(Path.Combine(folder, "avdigits.csv")).Skip(1).Select(l => l.Split(',')).Select(c =>
        {
            var digit = int.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture);
            bool[] flags = [digit >= 5, digit % 2 == 1, digit is 2 or 3 or 5 or 7];
            var tail = columns ? string.Join(",", flags.Select(f => f ? "1" : "0")) : string.Join("|", Labels.Where((_, i) => flags[i]));
            return $"{c[0]},{Path.Combine(folder, c[1])},{Path.Combine(folder, c[2])},{tail}";
        });
        var header = columns ? "id,image,audio,high,odd,prime" : "id,image,audio,tags";
        return _dir.Write(columns ? "flags.csv" : "tags.csv", header + "\n" + string.Join("\n", lines) + "\n");
    }

    private string[] Common(params string[] more) => ["--image-features", "pixels", "--cache", _dir.File("cache"), "--threads", "2", .. more];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_reports_the_multilabel_metrics_and_per_label_scores(bool columns)
    {
        var json = _dir.File($"e{columns}.json");
        string[] label = columns ? ["--label", "high,odd,prime"] : ["--label", "tags", "--label-sep", "|"];
        var (code, output, error) = CliRunner.Run(["evaluate", Table(columns), .. label, .. Common("--cv", "3", "--json", json)]);
        Assert.True(code == 0, error);
        Assert.Contains("micro_f1", output);
        var doc = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("multilabel", doc["task"]!.GetValue<string>());
        foreach (var metric in new[] { "micro_f1", "macro_f1", "samples_f1", "subset_accuracy", "hamming_loss", "roc_auc" })
            Assert.Equal(3, doc["metrics"]![metric]!["per_fold"]!.AsArray().Count);
        Assert.InRange(doc["metrics"]!["micro_f1"]!["mean"]!.GetValue<double>(), 0.6, 1.0);
        Assert.InRange(doc["metrics"]!["hamming_loss"]!["mean"]!.GetValue<double>(), 0.0, 0.3);
        var perLabel = doc["per_label"]!.AsArray();
        Assert.Equal(Labels, perLabel.Select(l => l!["label"]!.GetValue<string>()));
        Assert.All(perLabel, l => Assert.InRange(l!["roc_auc"]!.GetValue<double>(), 0.7, 1.0));
    }

    [Fact]
    public void Compare_ranks_by_micro_f1_and_the_report_has_a_per_label_table()
    {
        var json = _dir.File("c.json");
        var report = _dir.File("r.html");
        var (code, _, error) = CliRunner.Run(["compare", Table(columns: false), "--label", "tags", "--label-sep", "|",
            .. Common("--cv", "3", "--epochs", "5", "--strategies", "early/logreg,late/logreg,image-only/logreg", "--json", json, "--report", report)]);
        Assert.True(code == 0, error);
        var board = JsonNode.Parse(File.ReadAllText(json))!["leaderboard"]!.AsArray();
        var scores = board.Select(r => r!["metrics"]!["micro_f1"]!["mean"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        var html = File.ReadAllText(report);
        Assert.Contains("Per label", html);
        Assert.All(Labels, l => Assert.Contains($"<td>{l}</td>", html));
    }

    [Fact]
    public void Train_then_predict_writes_a_probability_per_label_and_the_predicted_set()
    {
        var table = Table(columns: false);
        var model = _dir.File("m.mmf");
        var (code, _, error) = CliRunner.Run(["train", table, "--label", "tags", "--label-sep", "|", .. Common("--out", model)]);
        Assert.True(code == 0, error);
        (code, _, error) = CliRunner.Run(["predict", model, table, "--cache", _dir.File("cache"), "--out", _dir.File("p.csv")]);
        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(_dir.File("p.csv"));
        Assert.Equal("id,labels,p_high,p_odd,p_prime", lines[0]);
        var truth = File.ReadAllLines(table).Skip(1).ToDictionary(l => l.Split(',')[0], l => l.Split(',')[3]);
        var exact = 0;
        foreach (var cells in lines.Skip(1).Select(l => l.Split(',')))
        {
            Assert.All(cells[1].Split('|', StringSplitOptions.RemoveEmptyEntries), l => Assert.Contains(l, Labels));
            Assert.All(cells[2..], p => Assert.InRange(double.Parse(p, System.Globalization.CultureInfo.InvariantCulture), 0, 1));
            exact += cells[1] == truth[cells[0]] ? 1 : 0;
        }
        Assert.True(exact > lines.Length / 2, $"{exact} of {lines.Length - 1} training rows predicted exactly");
    }

    [Fact]
    public void A_library_model_predicts_the_same_numbers_after_save_and_load()
    {
        var data = MultimodalDataset.Load(Table(columns: true), options: new DatasetOptions
        {
            LabelColumns = Labels, Extractors = new() { Image = "pixels" }, CacheFolder = _dir.File("cache"), Threads = 2,
        });
        Assert.Equal(MMFuse.Data.TaskKind.Multilabel, data.Task);
        Assert.Equal(Labels, data.Classes);
        using var model = data.Train(Strategies.Early(Learner.LogReg()));
        model.Save(_dir.File("m.mmf"));
        using var loaded = MultimodalModel.Load(_dir.File("m.mmf"));
        var options = new PredictOptions { CacheFolder = _dir.File("cache"), Threads = 2 };
        var before = model.Predict(Table(columns: true), options);
        var after = loaded.Predict(Table(columns: true), options);
        Assert.Equal(MMFuse.Data.TaskKind.Multilabel, loaded.Task);
        for (var r = 0; r < before.Count; r++)
        {
            Assert.Equal(before.Outputs[r], after.Outputs[r]);
            Assert.Equal(before[r].Labels, after[r].Labels);
            Assert.Equal(Labels, after[r].Probabilities!.Keys);
        }
    }

    [Fact]
    public void A_flag_column_that_is_not_0_or_1_names_row_and_column()
    {
        var table = _dir.Write("bad.csv", File.ReadAllText(Table(columns: true)).Replace(",0,1,1\n", ",0,1,maybe\n"));
        var (code, _, error) = CliRunner.Run(["evaluate", table, "--label", "high,odd,prime", .. Common()]);
        Assert.Equal(2, code);
        Assert.Contains("'maybe' is not 0 or 1", error);
        Assert.Contains("prime", error);
    }

    [Fact]
    public void A_single_label_task_with_several_label_columns_is_a_usage_error()
    {
        var (code, _, error) = CliRunner.Run(["evaluate", Table(columns: true), "--label", "high,odd", "--task", "binary", .. Common()]);
        Assert.Equal(2, code);
        Assert.Contains("--task binary", error);
    }

    [Fact]
    public void Class_weighting_is_refused_for_multilabel_with_a_pointer_to_sample_weights()
    {
        var (code, _, error) = CliRunner.Run(["evaluate", Table(columns: true), "--label", "high,odd,prime", "--class-weight", "balanced", .. Common("--cv", "2")]);
        Assert.Equal(2, code);
        Assert.Contains("--class-weight", error);
        Assert.Contains("--weight", error);
    }

    [Theory]
    [InlineData("shared", "multilabel-shared")]
    [InlineData("per-label", "multilabel")]
    public void A_joint_network_trains_the_multilabel_head_asked_for_and_predicts_its_probabilities(string head, string kind)
    {
        var table = Table(columns: false);
        var model = _dir.File($"{head}.mmf");
        var (code, _, error) = CliRunner.Run(["train", table, "--label", "tags", "--label-sep", "|", "--fusion", "joint-concat",
            "--epochs", "5", "--multilabel-head", head, .. Common("--out", model)]);
        Assert.True(code == 0, error);
        Assert.Equal(kind, MMFuse.Bundle.ModelBundle.Load(model).Manifest.Fusion["fusion"]!.GetValue<string>());
        (code, _, error) = CliRunner.Run(["predict", model, table, "--cache", _dir.File("cache"), "--out", _dir.File("p.csv")]);
        Assert.True(code == 0, error);
        Assert.Equal("id,labels,p_high,p_odd,p_prime", File.ReadLines(_dir.File("p.csv")).First());
    }

    [Fact]
    public void An_unknown_multilabel_head_is_a_usage_error()
    {
        var (code, _, error) = CliRunner.Run(["evaluate", Table(columns: true), "--label", "high,odd,prime", "--fusion", "joint-concat",
            "--multilabel-head", "both", .. Common("--cv", "2")]);
        Assert.Equal(2, code);
        Assert.Contains("--multilabel-head", error);
    }
}
