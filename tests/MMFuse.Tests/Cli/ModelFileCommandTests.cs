using MMFuse.Tests.Bundle;

namespace MMFuse.Tests.Cli;

/// <summary>How predict reports a hostile or damaged model file: exit 2 and a message naming the file.</summary>
public sealed class ModelFileCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Rows() => TabularSample.Write(_dir);

    private string Key(string name, byte fill) => WriteBytes(name, Enumerable.Repeat(fill, 32).ToArray());

    private string WriteBytes(string name, byte[] bytes)
    {
        File.WriteAllBytes(_dir.File(name), bytes);
        return _dir.File(name);
    }

    private (int Code, string Err) Train(string rows, string model, params string[] more)
    {
        var (code, _, error) = CliRunner.Run(["train", rows, "--label", "y", "--out", model, "--cache", _dir.File("cache"), .. more]);
        return (code, error);
    }

    private (int Code, string Err) Predict(string model, string rows, params string[] more)
    {
        var (code, _, error) = CliRunner.Run(["predict", model, rows, "--out", _dir.File("p.csv"), "--cache", _dir.File("cache"), .. more]);
        return (code, error);
    }

    [Fact]
    public void Signed_model_predicts_with_its_key_and_is_refused_with_another()
    {
        var rows = Rows();
        var model = _dir.File("m.mmf");
        var key = Key("k.key", 7);
        var trained = Train(rows, model, "--sign-key", key);
        Assert.True(trained.Code == 0, trained.Err);
        var predicted = Predict(model, rows, "--sign-key", key);
        Assert.True(predicted.Code == 0, predicted.Err);
        Assert.Equal(0, Predict(model, rows).Code);

        var wrong = Predict(model, rows, "--sign-key", Key("other.key", 8));
        Assert.Equal(2, wrong.Code);
        Assert.Contains("its signature does not match the signing key", wrong.Err);
    }

    [Fact]
    public void Unsigned_model_is_refused_when_a_key_is_required_and_a_short_key_is_refused_before_training()
    {
        var rows = Rows();
        var model = _dir.File("m.mmf");
        Assert.Equal(0, Train(rows, model).Code);
        var unsigned = Predict(model, rows, "--sign-key", Key("k.key", 7));
        Assert.Equal(2, unsigned.Code);
        Assert.Contains("is not signed, but a signing key was given", unsigned.Err);

        var shortKey = Train(rows, _dir.File("n.mmf"), "--sign-key", WriteBytes("short.key", [1, 2, 3]));
        Assert.Equal(2, shortKey.Code);
        Assert.Contains("holds 3 bytes; a key must hold 16", shortKey.Err);
        Assert.False(File.Exists(_dir.File("n.mmf")));
    }

    [Fact]
    public void Edited_label_map_is_refused_by_predict()
    {
        var rows = Rows();
        var model = _dir.File("m.mmf");
        Assert.Equal(0, Train(rows, model).Code);
        var json = System.Text.Json.Nodes.JsonNode.Parse(BundleSamples.ReadEntry(model, "model.json"))!;
        json["label_map"] = new System.Text.Json.Nodes.JsonArray("yes", "no");
        BundleSamples.Rewrite(model, "model.json", System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        var (code, error) = Predict(model, rows);
        Assert.Equal(2, code);
        Assert.Contains("model.json does not match its SHA-256", error);
    }

    [Fact]
    public void Predict_refuses_a_zip_bomb_as_bad_input()
    {
        var model = _dir.File("bomb.mmf");
        BundleSamples.WriteZeros(model, "model.json", 200L << 20);
        var rows = _dir.Write("rows.csv", "id,x\n1,2\n");
        var (code, _, error) = CliRunner.Run("predict", model, rows, "--out", _dir.File("p.csv"));
        Assert.Equal(2, code);
        Assert.Contains(model, error);
        Assert.Contains("refused without inflating it", error);
        Assert.False(File.Exists(_dir.File("p.csv")));
    }
}
