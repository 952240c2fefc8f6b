namespace MMFuse.Tests.Cli;

/// <summary>Predictions carry the manifest's ids, so that they can be joined back, even for a model trained with --ignore id.</summary>
public sealed class PredictIdsCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static IEnumerable<string> Rows() =>
        Enumerable.Range(0, 16).Select(i => $"s-{i:00},{i}.5,{(i < 8 ? "lo" : "hi")}");

    /// <summary>Trains on id,x,label with the id ignored; returns the model's path.</summary>
    private string Train()
    {
        var manifest = _dir.Write("train.csv", "id,x,label\n" + string.Join("\n", Rows()) + "\n");
        var model = _dir.File("model.mmf");
        var (code, _, error) = CliRunner.Run("train", manifest, "--label", "label", "--ignore", "id", "--out", model, "--cache", _dir.File("cache"));
        Assert.True(code == 0, error);
        return model;
    }

    private string NewRows(string idHeader) =>
        _dir.Write("new.csv", $"{idHeader},x\n" + string.Join("\n", Rows().Select(r => r[..r.LastIndexOf(',')])) + "\n");

    private (int Code, string Error, string[] Ids) Predict(string model, string manifest, params string[] more)
    {
        var output = _dir.File("predictions.csv");
        var (code, _, error) = CliRunner.Run(["predict", model, manifest, "--out", output, "--cache", _dir.File("cache"), .. more]);
        return (code, error, code == 0 ? File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[0]).ToArray() : []);
    }

    [Fact]
    public void A_model_trained_with_ignore_id_writes_the_manifest_ids()
    {
        var (code, error, ids) = Predict(Train(), NewRows("id"));
        Assert.True(code == 0, error);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"s-{i:00}"), ids);
    }

    [Fact]
    public void Id_names_the_column_that_identifies_the_rows_which_are_numbered_without_one()
    {
        var model = Train();
        var manifest = NewRows("key");
        var (code, error, ids) = Predict(model, manifest);
        Assert.True(code == 0, error);
        Assert.Equal(Enumerable.Range(1, 16).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ids);

        (code, error, ids) = Predict(model, manifest, "--id", "key");
        Assert.True(code == 0, error);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"s-{i:00}"), ids);
    }

    [Fact]
    public void Id_must_name_a_column_that_is_not_a_feature()
    {
        var model = Train();
        var manifest = NewRows("key");
        var (code, error, _) = Predict(model, manifest, "--id", "nope");
        Assert.Equal(2, code);
        Assert.Contains("--id: there is no column 'nope'", error);
        (code, error, _) = Predict(model, manifest, "--id", "x");
        Assert.Equal(2, code);
        Assert.Contains("--id: column 'x' is a feature of the model", error);
    }

    public void Dispose() => _dir.Dispose();
}
