using MMFuse.Tests.Cli;

namespace MMFuse.Tests.Serve;

/// <summary><c>mmfuse serve</c> refuses bad flags and bad model files with exit code 2 before it listens.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeCommandTests(ServedModels models)
{
    [Theory]
    [InlineData("--max-batch", "0", "--max-batch")]
    [InlineData("--port", "70000", "--port")]
    [InlineData("--host", "not-an-address", "--host")]
    [InlineData("--allow-paths", "/no/such/folder", "--allow-paths")]
    [InlineData("--max-request-mb", "0", "--max-request-mb")]
    public void Bad_flags_exit_with_code_2_naming_the_flag(string flag, string value, string named)
    {
        var (code, _, error) = CliRunner.Run("serve", models.AvDigits.Path, "--port", "0", flag, value);
        Assert.Equal(2, code);
        Assert.Contains(named, error);
    }

    [Fact]
    public void A_file_that_is_no_model_exits_with_code_2()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = CliRunner.Run("serve", dir.Write("bad.mmf", "not a model"), "--port", "0");
        Assert.Equal(2, code);
        Assert.StartsWith("error:", error);
    }
}
