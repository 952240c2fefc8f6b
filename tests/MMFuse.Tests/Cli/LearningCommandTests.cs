using System.Globalization;
using System.Text.Json.Nodes;

namespace MMFuse.Tests.Cli;

/// <summary>evaluate, train and predict end to end on the embedded avdigits sample (pixels + log-mel, fast).</summary>
public sealed class LearningCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private static readonly string Manifest = TestPaths.Samples("avdigits", "avdigits.csv");

    private string[] Common(params string[] more) =>
        ["--label", "digit", "--image-features", "pixels", "--cache", _dir.File("cache"), "--threads", "2", .. more];

    [Fact]
    public void Compare_refuses_a_strategy_listed_twice_before_extracting_anything()
    {
        var (code, output, error) = CliRunner.Run(["compare", Manifest, .. Common("--strategies", "early/logreg,late/logreg", "--strategies", "early/logreg")]);
        Assert.Equal(2, code);
        Assert.Contains("--strategies: 'early/logreg' is listed more than once", error);
        Assert.DoesNotContain("features", output + error);
    }

    [Fact]
    public void Evaluate_writes_the_documented_json_and_is_deterministic()
    {
        var first = _dir.File("r1.json");
        var second = _dir.File("r2.json");
        var (code, _, error) = CliRunner.Run(["evaluate", Manifest, .. Common("--cv", "3", "--json", first)]);
        Assert.True(code == 0, error);
        Assert.Equal(0, CliRunner.Run(["evaluate", Manifest, .. Common("--cv", "3", "--json", second)]).Code);

        var doc = JsonNode.Parse(File.ReadAllText(first))!;
        Assert.Equal("digit", doc["label"]!.GetValue<string>());
        Assert.Equal("multiclass", doc["task"]!.GetValue<string>());
        Assert.Equal(120, doc["rows_used"]!.GetValue<int>());
        Assert.Equal("stratified-kfold", doc["split"]!["kind"]!.GetValue<string>());
        Assert.Equal(3, doc["split"]!["folds"]!.GetValue<int>());
        Assert.Equal("early/logreg", doc["strategy"]!.GetValue<string>());
        var accuracy = doc["metrics"]!["accuracy"]!;
        Assert.Equal(3, accuracy["per_fold"]!.AsArray().Count);
        Assert.InRange(accuracy["mean"]!.GetValue<double>(), 0.5, 1.0); // 10 classes: chance is 0.1
        Assert.NotNull(doc["metrics"]!["macro_f1"]);
        Assert.NotNull(doc["metrics"]!["log_loss"]);
        Assert.True(doc["seconds"]!["total"]!.GetValue<double>() > 0);
        Assert.Equal(doc["metrics"]!.ToJsonString(), JsonNode.Parse(File.ReadAllText(second))!["metrics"]!.ToJsonString());
    }

    [Theory]
    [InlineData("svm")]
    [InlineData("gbdt")]
    [InlineData("forest")]
    [InlineData("mlp")]
    public void Every_learner_evaluates(string learner)
    {
        var json = _dir.File($"{learner}.json");
        var (code, _, error) = CliRunner.Run(["evaluate", Manifest, .. Common("--cv", "2", "--learner", learner, "--epochs", "5", "--json", json)]);
        Assert.True(code == 0, error);
        Assert.Equal($"early/{learner}", JsonNode.Parse(File.ReadAllText(json))!["strategy"]!.GetValue<string>());
    }

    [Fact]
    public void Augmented_variants_are_extracted_and_cached_per_variant()
    {
        var json = _dir.File("aug.json");
        var (code, _, error) = CliRunner.Run(["evaluate", Manifest, .. Common("--cv", "2", "--augment", "2", "--no-flip", "--json", json)]);
        Assert.True(code == 0, error);
        Assert.InRange(JsonNode.Parse(File.ReadAllText(json))!["metrics"]!["accuracy"]!["mean"]!.GetValue<double>(), 0.3, 1.0);
        // Original + 2 variants of 120 clips and 120 images, each under its own key.
        using (var cache = new MMFuse.Features.Caching.FeatureCache(_dir.File("cache")))
            Assert.Equal(3 * 240, cache.Count);
        var (again, _, _) = CliRunner.Run(["extract", Manifest, "--image-features", "pixels", "--cache", _dir.File("cache"), "--json", _dir.File("x.json")]);
        Assert.Equal(0, again);
        Assert.Equal(240, JsonNode.Parse(File.ReadAllText(_dir.File("x.json")))!["columns"]!.AsArray().Sum(c => c!["cache_hits"]!.GetValue<int>()));
    }

    [Fact]
    public void Compare_ranks_every_strategy_under_the_same_folds_and_reports()
    {
        var json = _dir.File("c.json");
        var report = _dir.File("r.html");
        // Flat selection: this test is about the leaderboard and the report, and nested selection would refit each strategy 9 times more.
        var (code, output, error) = CliRunner.Run(["compare", Manifest, .. Common("--cv", "3", "--epochs", "5", "--select", "flat",
            "--strategies", "early/logreg,late/logreg,vote-soft/logreg,joint-concat,image-only/logreg,audio-only/logreg", "--json", json, "--report", report)]);
        Assert.True(code == 0, error);
        Assert.Contains("leaderboard", output);
        var doc = JsonNode.Parse(File.ReadAllText(json))!;
        var board = doc["leaderboard"]!.AsArray();
        Assert.Equal(6, board.Count);
        var accuracies = board.Select(r => r!["metrics"]!["accuracy"]!["mean"]!.GetValue<double>()).ToList();
        Assert.Equal(accuracies.OrderByDescending(a => a), accuracies); // best first
        var audioOnly = board.Single(r => r!["strategy"]!.GetValue<string>() == "audio-only/logreg")!;
        Assert.Equal("unimodal", audioOnly["fusion"]!.GetValue<string>());
        Assert.Equal(["audio"], audioOnly["modalities"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.All(board, r => Assert.Equal(3, r!["metrics"]!["accuracy"]!["per_fold"]!.AsArray().Count));
        Assert.NotNull(doc["analysis"]!["best"]);
        var html = File.ReadAllText(report);
        foreach (var section in new[] { "Leaderboard", "Confusion matrix", "Modality contribution", "Robustness", "Calibration", "Learning curves", "Confidently wrong" })
            Assert.Contains(section, html);
    }

    [Fact]
    public void A_corrupt_file_fails_by_default_and_is_an_absent_modality_under_missing()
    {
        var folder = _dir.File("copy");
        CopyFolder(Path.GetDirectoryName(Manifest)!, folder);
        foreach (var sub in new[] { "images", "audio" })
            CopyFolder(Path.Combine(Path.GetDirectoryName(Manifest)!, sub), Path.Combine(folder, sub));
        var copy = Path.Combine(folder, "avdigits.csv");
        var firstImage = File.ReadAllLines(copy)[1].Split(',')[1];
        var bytes = File.ReadAllBytes(Path.Combine(folder, firstImage));
        File.WriteAllBytes(Path.Combine(folder, firstImage), bytes[..(bytes.Length / 3)]);

        var (code, _, error) = CliRunner.Run(["evaluate", copy, .. Common("--cv", "2")]);
        Assert.Equal(2, code);
        Assert.Contains("row 1, column 'image'", error);

        var json = _dir.File("out/m.json");
        (code, _, error) = CliRunner.Run(["evaluate", copy, .. Common("--cv", "2", "--on-bad-row", "missing", "--json", json)]);
        Assert.True(code == 0, error);
        Assert.Contains("1 bad cells treated as absent", error);
        Assert.Equal(120, JsonNode.Parse(File.ReadAllText(json))!["rows_used"]!.GetValue<int>());
        Assert.Contains(",image,missing,", File.ReadAllText(_dir.File("out/bad-rows.csv")));
    }

    [Fact]
    public void Rows_repeated_across_folds_are_warned_about_and_dedupe_leaves_them_out()
    {
        var folder = _dir.File("repeats");
        CopyFolder(Path.GetDirectoryName(Manifest)!, folder);
        foreach (var sub in new[] { "images", "audio" })
            CopyFolder(Path.Combine(Path.GetDirectoryName(Manifest)!, sub), Path.Combine(folder, sub));
        var copy = Path.Combine(folder, "avdigits.csv");
        var lines = File.ReadAllLines(copy);
        // The first 30 rows again under new ids: the same image and audio files.
        File.AppendAllLines(copy, lines.Skip(1).Take(30).Select(l => "dup" + l));
        var json = _dir.File("repeats.json");

        var (code, _, error) = CliRunner.Run(["evaluate", copy, .. Common("--cv", "3", "--json", json)]);
        Assert.True(code == 0, error);
        Assert.Contains("(duplicate-rows)", error);
        Assert.Contains(JsonNode.Parse(File.ReadAllText(json))!["warnings"]!.AsArray(), w => w!["kind"]!.GetValue<string>() == "duplicate-rows");

        (code, _, error) = CliRunner.Run(["evaluate", copy, .. Common("--cv", "3", "--dedupe", "--json", json)]);
        Assert.True(code == 0, error);
        Assert.Contains("--dedupe: left out 30 row(s)", error);
        Assert.DoesNotContain("(duplicate-rows)", error);
        Assert.Equal(lines.Length - 1, JsonNode.Parse(File.ReadAllText(json))!["rows_used"]!.GetValue<int>());
    }

    [Fact]
    public void Test_missing_scores_each_presence_subset_and_names_unknown_modalities()
    {
        var json = _dir.File("missing.json");
        var (code, output, error) = CliRunner.Run(["evaluate", Manifest, .. Common("--cv", "3", "--test-missing", "image=0.4,audio=0.4", "--json", json)]);
        Assert.True(code == 0, error);
        Assert.Contains("modalities present", output);
        var presence = JsonNode.Parse(File.ReadAllText(json))!["presence"]!.AsArray();
        Assert.Equal(120, presence.Sum(p => p!["rows"]!.GetValue<int>()));
        Assert.Equal(["all present", "only audio", "only image"], presence.Select(p => p!["subset"]!.GetValue<string>()));

        (code, _, error) = CliRunner.Run(["evaluate", Manifest, .. Common("--cv", "3", "--test-missing", "video=0.3")]);
        Assert.Equal(2, code);
        Assert.Contains("no modality 'video'", error);
    }

    [Fact]
    public void Compare_by_a_side_tables_groups_shows_random_folds_beside_grouped_ones()
    {
        var json = _dir.File("groups.json");
        var meta = TestPaths.Samples("avdigits", "avdigits_meta.csv");
        var (code, output, error) = CliRunner.Run(["compare", Manifest, .. Common("--meta", meta, "--join", "id", "--group", "base_voice", "--logo",
            "--strategies", "early/logreg", "--json", json)]);
        Assert.True(code == 0, error);
        Assert.Contains("random folds", output);
        var doc = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("logo", doc["split"]!["kind"]!.GetValue<string>());
        Assert.Equal(6, doc["split"]!["folds"]!.GetValue<int>()); // six base voices
        var row = doc["leaderboard"]!.AsArray()[0]!;
        Assert.InRange(row["random_folds"]!.GetValue<double>(), 0.3, 1.0);

        (code, _, error) = CliRunner.Run(["evaluate", Manifest, .. Common("--logo")]);
        Assert.Equal(2, code);
        Assert.Contains("--logo needs groups", error);
    }

    [Fact]
    public void Predict_explain_adds_modality_contributions_that_sum_to_the_prediction_minus_the_baseline()
    {
        var model = _dir.File("explain.mmf");
        var (code, _, error) = CliRunner.Run(["train", Manifest, .. Common("--out", model)]);
        Assert.True(code == 0, error);
        var predictions = _dir.File("explain.csv");
        (code, _, error) = CliRunner.Run("predict", model, Manifest, "--out", predictions, "--cache", _dir.File("cache"), "--explain");
        Assert.True(code == 0, error);

        var lines = File.ReadAllLines(predictions);
        var header = lines[0].Split(',');
        Assert.Equal(["baseline", "contrib_image", "contrib_audio"], header[^3..]);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            double Cell(string name) => double.Parse(cells[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
            var predicted = Cell("p_" + cells[1]);
            Assert.Equal(predicted - Cell("baseline"), Cell("contrib_image") + Cell("contrib_audio"), 4);
        }
    }

    [Fact]
    public void Holdout_loo_and_modalities_are_honoured()
    {
        var json = _dir.File("h.json");
        Assert.Equal(0, CliRunner.Run(["evaluate", Manifest, .. Common("--holdout", "0.25", "--modalities", "audio", "--json", json)]).Code);
        var doc = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("holdout", doc["split"]!["kind"]!.GetValue<string>());
        Assert.Equal(["audio"], doc["modalities"]!.AsArray().Select(m => m!.GetValue<string>()));
        var (code, _, error) = CliRunner.Run(["evaluate", Manifest, .. Common("--cv", "3", "--loo")]);
        Assert.Equal(2, code);
        Assert.Contains("one of --cv, --holdout, --loo and --logo", error);
    }

    [Fact]
    public void Train_then_predict_gives_a_probability_per_class_for_every_row()
    {
        var model = _dir.File("model.mmf");
        var (code, _, error) = CliRunner.Run(["train", Manifest, .. Common("--out", model)]);
        Assert.True(code == 0, error);

        // New rows: the manifest without its label column.
        var lines = File.ReadAllLines(Manifest);
        var unlabeled = _dir.File("new.csv");
        File.WriteAllLines(unlabeled, lines.Select(l => string.Join(',', l.Split(',')[..3])));
        foreach (var folder in new[] { "images", "audio" })
            CopyFolder(Path.Combine(Path.GetDirectoryName(Manifest)!, folder), _dir.File(folder));

        var predictions = _dir.File("p.csv");
        (code, _, error) = CliRunner.Run("predict", model, unlabeled, "--out", predictions, "--cache", _dir.File("cache"));
        Assert.True(code == 0, error);
        var rows = File.ReadAllLines(predictions);
        Assert.Equal("id,prediction,p_0,p_1,p_2,p_3,p_4,p_5,p_6,p_7,p_8,p_9", rows[0]);
        Assert.Equal(lines.Length, rows.Length);
        foreach (var row in rows.Skip(1))
        {
            var probabilities = row.Split(',')[2..].Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(1.0, probabilities.Sum(), 4);
        }
        // Trained on these very rows: most predictions must match the labels.
        var truth = lines.Skip(1).Select(l => l.Split(',')[3]).ToArray();
        var predicted = rows.Skip(1).Select(r => r.Split(',')[1]).ToArray();
        Assert.True(truth.Zip(predicted).Count(p => p.First == p.Second) > 0.9 * truth.Length);
    }

    [Fact]
    public void Predict_rejects_a_manifest_without_a_needed_column_and_a_damaged_model()
    {
        var model = _dir.File("model.mmf");
        Assert.Equal(0, CliRunner.Run(["train", Manifest, .. Common("--out", model)]).Code);
        var noAudio = _dir.Write("no-audio.csv", "id,image\n1,x.png\n");
        var (code, _, error) = CliRunner.Run("predict", model, noAudio, "--out", _dir.File("p.csv"));
        Assert.Equal(2, code);
        Assert.Contains("lacks column(s) the model needs: audio", error);

        var bytes = File.ReadAllBytes(model);
        File.WriteAllBytes(model, bytes[..(bytes.Length / 2)]);
        (code, _, error) = CliRunner.Run("predict", model, Manifest, "--out", _dir.File("p.csv"));
        Assert.Equal(2, code);
        Assert.Contains("model.mmf", error);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    public void Dispose() => _dir.Dispose();
}
