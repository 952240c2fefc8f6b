using System.Text.Json.Nodes;

namespace MMFuse.Tests.Cli;

/// <summary>compare --select nested and train --fusion best end to end on the avdigits sample.</summary>
public sealed class SelectionCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private static readonly string Manifest = TestPaths.Samples("avdigits", "avdigits.csv");
    private const string Candidates = "early/logreg,late/logreg,audio-only/logreg";

    private string[] Common(params string[] more) =>
        ["--label", "digit", "--image-features", "pixels", "--cache", _dir.File("cache"), "--threads", "2", "--cv", "3", "--strategies", Candidates, .. more];

    [Fact]
    public void Compare_reports_the_nested_score_and_train_fusion_best_trains_the_selected_ensemble()
    {
        var json = _dir.File("board.json");
        var (code, output, error) = CliRunner.Run(["compare", Manifest, .. Common("--select", "nested", "--json", json)]);
        Assert.True(code == 0, error);
        Assert.Contains("scored by nested CV", output);
        var selection = JsonNode.Parse(File.ReadAllText(json))!["selection"]!;
        Assert.Equal("nested", selection["mode"]!.GetValue<string>());
        var nested = selection["nested"]!;
        Assert.Equal(3, nested["inner_folds"]!.GetValue<int>());
        var folds = nested["folds"]!.AsArray();
        Assert.Equal(3, folds.Count);
        Assert.All(folds, f => Assert.InRange(f!["picked"]!["members"]!.AsArray().Sum(m => m!["weight"]!.GetValue<double>()), 0.999, 1.001));
        Assert.InRange(nested["metrics"]!["accuracy"]!["mean"]!.GetValue<double>(), 0.4, 1.0);
        var choice = selection["choice"]!;
        Assert.True(choice["out_of_fold"]!.GetValue<double>() >= choice["best_single_out_of_fold"]!.GetValue<double>());
        var selected = selection["selected"]!.GetValue<string>();

        var model = _dir.File("best.mmf");
        (code, output, error) = CliRunner.Run(["train", Manifest, .. Common("--fusion", "best", "--out", model)]);
        Assert.True(code == 0, error);
        Assert.Contains($"trained {selected}", output.ReplaceLineEndings(" "));
        (code, _, error) = CliRunner.Run(["predict", model, Manifest, "--out", _dir.File("p.csv"), "--cache", _dir.File("cache")]);
        Assert.True(code == 0, error);
        Assert.Equal(121, File.ReadAllLines(_dir.File("p.csv")).Length);
    }

    [Fact]
    public void Flat_selection_reports_no_nested_score_and_a_bad_mode_is_refused()
    {
        var json = _dir.File("flat.json");
        var (code, output, error) = CliRunner.Run(["compare", Manifest, .. Common("--select", "flat", "--json", json)]);
        Assert.True(code == 0, error);
        Assert.Contains("selection: flat", output);
        var selection = JsonNode.Parse(File.ReadAllText(json))!["selection"]!;
        Assert.Equal("flat", selection["mode"]!.GetValue<string>());
        Assert.Null(selection["nested"]);

        (code, _, error) = CliRunner.Run(["compare", Manifest, .. Common("--select", "sometimes")]);
        Assert.Equal(2, code);
        Assert.Contains("--select: 'sometimes'", error);
    }

    public void Dispose() => _dir.Dispose();
}
