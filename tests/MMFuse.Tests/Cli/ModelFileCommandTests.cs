using MMFuse.Tests.Bundle;

namespace MMFuse.Tests.Cli;

/// <summary>How predict reports a hostile or damaged model file: exit 2 and a message naming the file.</summary>
public sealed class ModelFileCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

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
