using MMFuse.Tests.Features.Images;
using SkiaSharp;

namespace MMFuse.Tests.Cli;

public sealed class MaxImagePixelsCommandTests
{
    /// <summary>Four 8x8 images and, at row 3, one of 40x40 (1600 pixels).</summary>
    private static string Manifest(TempDirectory dir)
    {
        File.Copy(TestPaths.SampleImage, dir.File("small.png"));
        File.WriteAllBytes(dir.File("big.png"), ImageFixtures.Encode(ImageFixtures.Solid(40, 40, 1, 2, 3), SKEncodedImageFormat.Png));
        return dir.Write("m.csv", "picture,label\nsmall.png,a\nsmall.png,b\nbig.png,a\nsmall.png,b\nsmall.png,a\n");
    }

    [Fact]
    public void An_image_above_the_limit_is_a_bad_row_naming_row_column_and_pixel_count()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = CliRunner.Run("extract", Manifest(dir), "--label", "label", "--image-features", "pixels",
            "--max-image-pixels", "1000", "--cache", dir.File("cache"));
        Assert.Equal(2, code);
        Assert.Contains("row 3, column 'picture'", error);
        Assert.Contains("40x40 is 1600 pixels, above the limit of 1000", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Under_skip_the_large_image_row_is_left_out()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = CliRunner.Run("extract", Manifest(dir), "--label", "label", "--image-features", "pixels",
            "--max-image-pixels", "1000", "--on-bad-row", "skip", "--cache", dir.File("cache"), "--json", dir.File("out/x.json"));
        Assert.True(code == 0, error);
        Assert.Contains("1600 pixels", File.ReadAllText(dir.File("out/bad-rows.csv")));
    }

    [Fact]
    public void A_limit_that_is_not_positive_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = CliRunner.Run("extract", Manifest(dir), "--label", "label", "--max-image-pixels", "0", "--cache", dir.File("cache"));
        Assert.Equal(2, code);
        Assert.Contains("--max-image-pixels: 0 is not a positive number", error);
    }
}
