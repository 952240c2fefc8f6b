using MMFuse.Features.Images;

namespace MMFuse.Tests.Features.Images;

public sealed class AutoImageFeaturesTests
{
    [Fact]
    public void Tiny_digits_get_pixels_and_emoji_get_resnet18()
    {
        var digits = Directory.GetFiles(TestPaths.Samples("avdigits", "images"), "*.png");
        var emoji = Directory.GetFiles(TestPaths.Samples("emoji", "images", "google"), "*.png");
        Assert.Equal("pixels", ImageFeatureExtractor.ResolveAuto(digits).Name);
        Assert.Equal("resnet18", ImageFeatureExtractor.ResolveAuto(emoji).Name);
        Assert.Equal("resnet18", ImageFeatureExtractor.ResolveAuto(digits.Take(3).Concat(emoji.Take(1))).Name);
    }

    [Fact]
    public void Unreadable_samples_are_skipped_and_none_readable_falls_back_to_resnet18()
    {
        using var dir = new TempDirectory();
        var broken = dir.Write("broken.png", "not an image");
        var (name, reason) = ImageFeatureExtractor.ResolveAuto([broken, dir.File("missing.png")]);
        Assert.Equal("resnet18", name);
        Assert.Contains("no image could be sampled", reason);
    }
}
