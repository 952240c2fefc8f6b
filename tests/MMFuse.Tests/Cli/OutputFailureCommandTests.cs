namespace MMFuse.Tests.Cli;

/// <summary>Unwritable outputs fail before any work, as bad input naming the user's path; an unusable feature cache
/// only warns. Tests run as root, which ignores permissions: a regular file in the way, or /proc, makes the failure.</summary>
public sealed class OutputFailureCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("blocker/model.mmf")]
    [InlineData("/proc/mmfuse-test-model.mmf")]
    public void Train_with_an_unwritable_out_fails_before_extracting_or_training(string output)
    {
        _dir.Write("blocker", "a file, not a folder");
        var path = output.StartsWith('/') ? output : _dir.File(output);
        var cache = _dir.File("cache");
        var (code, stdout, error) = CliRunner.Run("train", TabularSample.Write(_dir), "--label", "y", "--out", path, "--cache", cache);
        Assert.Equal(2, code);
        Assert.Contains($"cannot write '{path}'", error);
        Assert.DoesNotContain(".tmp", error);
        Assert.DoesNotContain("please report", error);
        Assert.False(Directory.Exists(cache), "the features were extracted before the output was checked");
        Assert.DoesNotContain("trained", stdout);
    }

    [Fact]
    public void Predict_with_an_unwritable_out_is_bad_input()
    {
        var rows = TabularSample.Write(_dir);
        var model = _dir.File("m.mmf");
        Assert.Equal(0, CliRunner.Run("train", rows, "--label", "y", "--out", model, "--cache", _dir.File("cache")).Code);
        var blocked = _dir.Write("blocker", "x") + "/p.csv";
        var (code, _, error) = CliRunner.Run("predict", model, rows, "--out", blocked, "--cache", _dir.File("cache"));
        Assert.Equal(2, code);
        Assert.Contains($"cannot write '{blocked}'", error);
    }

    [Fact]
    public void Cache_folder_that_cannot_be_created_warns_once_and_training_goes_on()
    {
        var cache = Path.Combine(_dir.Write("blocker", "x"), "cache");
        var model = _dir.File("m.mmf");
        var (code, _, error) = CliRunner.Run("train", TabularSample.Write(_dir), "--label", "y", "--out", model, "--cache", cache);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(model));
        Assert.Single(error.Split('\n'), line => line.StartsWith($"warning: the feature cache folder '{cache}' cannot be used", StringComparison.Ordinal));
    }
}
