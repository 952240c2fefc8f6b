namespace MMFuse.Tests.Cli;

/// <summary>An odd cell in an image column: the warning naming it reaches stderr on every data command.</summary>
public sealed class OddMediaCellCommandTests
{
    private static string Manifest(TempDirectory dir)
    {
        File.Copy(TestPaths.SampleImage, dir.File("good.png"));
        dir.Write("readme.txt", "not an image");
        var rows = Enumerable.Range(1, 12).Select(r => $"{(r == 5 ? "readme.txt" : "good.png")},{(r % 2 == 0 ? "a" : "b")}");
        return dir.Write("m.csv", "picture,label\n" + string.Join("\n", rows) + "\n");
    }

    [Fact]
    public void Inspect_warns_and_skips_the_odd_row()
    {
        using var dir = new TempDirectory();
        var (code, output, error) = CliRunner.Run("inspect", Manifest(dir), "--label", "label", "--on-bad-row", "skip", "--bad-rows", dir.File("bad.csv"));
        Assert.True(code == 0, error);
        Assert.Contains("column 'picture' is read as image because 11 of 12 values are image file names", error);
        Assert.Contains("row 5", error);
        Assert.Contains("1 of 12 rows skipped", error);
        Assert.Contains("image", output);
    }

    [Fact]
    public void Extract_warns_and_featurises_the_image_column()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = CliRunner.Run("extract", Manifest(dir), "--label", "label", "--on-bad-row", "skip", "--image-features", "pixels",
            "--cache", dir.File("cache"), "--json", dir.File("out/extract.json"));
        Assert.True(code == 0, error);
        Assert.Contains("column 'picture' is read as image", error);
        Assert.Contains("\"picture\"", File.ReadAllText(dir.File("out/extract.json")));
    }

    [Fact]
    public void Fail_exits_2_naming_the_odd_row()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = CliRunner.Run("inspect", Manifest(dir), "--label", "label");
        Assert.Equal(2, code);
        Assert.Contains("row 5, column 'picture'", error);
        Assert.Contains("is not a recognised image file", error);
    }

    [Fact]
    public void Train_warns_and_trains_with_the_image_column()
    {
        using var dir = new TempDirectory();
        var (code, output, error) = CliRunner.Run("train", Manifest(dir), "--label", "label", "--on-bad-row", "skip", "--image-features", "pixels",
            "--cache", dir.File("cache"), "--out", dir.File("out/model.mmf"));
        Assert.True(code == 0, error);
        Assert.Contains("column 'picture' is read as image", error);
        Assert.Contains("row 5", error);
        Assert.True(File.Exists(dir.File("out/model.mmf")), output);
    }
}
