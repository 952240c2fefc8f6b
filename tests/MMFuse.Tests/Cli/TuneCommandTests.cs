using System.Text.Json.Nodes;

namespace MMFuse.Tests.Cli;

/// <summary>--tune end to end on the avdigits sample: evaluate reports every trial per outer fold, compare tunes its
/// best tunable strategy, train saves the tuned model.</summary>
public sealed class TuneCommandTests : IDisposable
{
    private static readonly string Manifest = TestPaths.Samples("avdigits", "avdigits.csv");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string[] Common(params string[] extra) => ["--label", "digit", "--cache", _dir.File("cache"), "--threads", "2", .. extra];

    [Fact]
    public void Evaluate_with_tune_reports_each_outer_folds_trials_and_choice_in_json_and_the_report()
    {
        var json = _dir.File("e.json");
        var report = _dir.File("r.html");
        var (code, output, error) = CliRunner.Run(["evaluate", Manifest, .. Common("--cv", "2", "--tune", "4", "--json", json, "--report", report)]);
        Assert.True(code == 0, error);
        Assert.Contains("tuning early/logreg", output);

        var document = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("tuned:early/logreg", document["strategy"]!.GetValue<string>());
        var folds = document["tuning"]!["folds"]!.AsArray();
        Assert.Equal(2, folds.Count);
        foreach (var fold in folds)
        {
            Assert.Equal(60, fold!["rows"]!.GetValue<int>());
            Assert.Equal(4, fold["trials"]!.AsArray().Count);
            Assert.NotNull(fold["outer"]);
            Assert.Equal(0, fold["trials"]![0]!["id"]!.GetValue<int>());
        }
        var perFold = document["metrics"]!["accuracy"]!["per_fold"]!.AsArray().Select(v => v!.GetValue<double>());
        Assert.Equal(folds.Select(f => f!["outer"]!.GetValue<double>()), perFold);
        var html = File.ReadAllText(report);
        Assert.Contains("id=\"tuning\"", html);
        Assert.Contains("successive halving", html);
    }

    [Fact]
    public void Train_with_tune_saves_a_model_that_predicts_and_a_bad_budget_is_a_clear_error()
    {
        var model = _dir.File("m.mmf");
        var (code, output, error) = CliRunner.Run(["train", Manifest, .. Common("--tune", "3", "--out", model)]);
        Assert.True(code == 0, error);
        Assert.Contains("tuned early/logreg on every row: 3 trials", output);
        (code, _, error) = CliRunner.Run("predict", model, Manifest, "--cache", _dir.File("cache"), "--out", _dir.File("p.csv"));
        Assert.True(code == 0, error);

        (code, _, error) = CliRunner.Run(["evaluate", Manifest, .. Common("--tune-minutes", "-1")]);
        Assert.Equal(2, code);
        Assert.Contains("--tune-minutes", error);
    }
}
