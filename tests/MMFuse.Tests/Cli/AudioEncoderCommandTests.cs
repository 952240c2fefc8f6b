namespace MMFuse.Tests.Cli;

/// <summary>--audio-encoder cnn: trains a joint network with the CNN over logmel-frames, saves and predicts with it;
/// a summary vector or an unknown encoder is refused with exit 2.</summary>
public sealed class AudioEncoderCommandTests
{
    private static readonly string Avdigits = TestPaths.Samples("avdigits", "avdigits.csv");

    [Fact]
    public void The_cnn_encoder_trains_saves_and_predicts_from_the_spectrogram_grid()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = CliRunner.Run("train", Avdigits, "--label", "digit", "--fusion", "joint-concat", "--audio-encoder", "cnn",
            "--epochs", "2", "--cache", dir.File("cache"), "--out", dir.File("m.mmf"));
        Assert.True(code == 0, error);
        (code, _, error) = CliRunner.Run("predict", dir.File("m.mmf"), Avdigits, "--cache", dir.File("cache"), "--out", dir.File("p.csv"));
        Assert.True(code == 0, error);
        Assert.Equal(121, File.ReadAllLines(dir.File("p.csv")).Length);
        using var model = MultimodalModel.Load(dir.File("m.mmf"));
        var fusion = model.Manifest.Fusion.ToJsonString();
        Assert.Contains("logmel-frames", fusion);
        Assert.Contains("\"audioEncoder\":\"Cnn\"", fusion);
    }

    [Theory]
    [InlineData("cnn", "logmel-grid", "--audio-encoder cnn reads the spectrogram of --audio-features logmel-frames")]
    [InlineData("rnn", null, "--audio-encoder: 'rnn' is not one of stats, cnn")]
    public void A_summary_vector_or_an_unknown_encoder_is_refused(string encoder, string? features, string message)
    {
        using var dir = new TempDirectory();
        string[] args = ["evaluate", Avdigits, "--label", "digit", "--fusion", "joint-concat", "--audio-encoder", encoder, "--cache", dir.File("cache")];
        var (code, _, error) = CliRunner.Run(features is null ? args : [.. args, "--audio-features", features]);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }
}
