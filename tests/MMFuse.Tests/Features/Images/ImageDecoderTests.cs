using MMFuse.Features;
using MMFuse.Features.Images;
using SkiaSharp;

namespace MMFuse.Tests.Features.Images;

public sealed class ImageDecoderTests
{
    private static string EmojiDir => Path.Combine(TestPaths.SharedDatasets, "emoji", "images", "google");
    private static string DigitsDir => Path.Combine(TestPaths.SharedDatasets, "avdigits", "images");

    [Fact]
    public void DecodesSharedRgbaEmojiAndCompositesTransparentCornerOnWhite()
    {
        var files = Directory.GetFiles(EmojiDir, "*.png").Order(StringComparer.Ordinal).Take(5).ToArray();
        Assert.Equal(5, files.Length);
        foreach (var file in files)
        {
            var image = ImageDecoder.Decode(File.ReadAllBytes(file));
            Assert.Equal((64, 64), (image.Width, image.Height));
            Assert.Equal(64 * 64 * 3, image.Pixels.Length);
        }

        // An emoji has transparent corners: check with Skia's own reading of the alpha channel.
        var first = files[0];
        using var bitmap = SKBitmap.Decode(first);
        Assert.Equal(0, bitmap.GetPixel(0, 0).Alpha);
        var decoded = ImageDecoder.Decode(File.ReadAllBytes(first));
        Assert.Equal((255, 255, 255), (decoded[0, 0, 0], decoded[0, 0, 1], decoded[0, 0, 2]));
    }

    [Fact]
    public void DecodesSharedGrayscaleDigitsAsEqualChannels()
    {
        var file = Directory.GetFiles(DigitsDir, "*.png").Order(StringComparer.Ordinal).First();
        var image = ImageDecoder.Decode(File.ReadAllBytes(file));
        Assert.Equal((8, 8), (image.Width, image.Height));
        using var bitmap = SKBitmap.Decode(file);
        for (int y = 0; y < 8; y++)
            for (int x = 0; x < 8; x++)
            {
                Assert.Equal(image[x, y, 0], image[x, y, 1]);
                Assert.Equal(image[x, y, 0], image[x, y, 2]);
                Assert.Equal(bitmap.GetPixel(x, y).Red, image[x, y, 0]);
            }
        Assert.True(image.Pixels.Distinct().Count() > 1, "a digit is not a blank image");
    }

    [Fact]
    public void PngRoundTripsExactly()
    {
        var original = ImageFixtures.FromColors(5, 3, (x, y) => ((byte)(x * 50), (byte)(y * 100), (byte)(x + y)));
        var decoded = ImageDecoder.Decode(ImageFixtures.Encode(original, SKEncodedImageFormat.Png));
        Assert.Equal((5, 3), (decoded.Width, decoded.Height));
        Assert.Equal(original.Pixels, decoded.Pixels);
    }

    [Fact]
    public void AlphaIsCompositedOnWhite()
    {
        // transparent red, half-transparent black, opaque green
        byte[] rgba = [255, 0, 0, 0, 0, 0, 0, 128, 0, 255, 0, 255];
        var decoded = ImageDecoder.Decode(ImageFixtures.Encode(3, 1, rgba, SKEncodedImageFormat.Png));
        Assert.Equal(new byte[] { 255, 255, 255, 127, 127, 127, 0, 255, 0 }, decoded.Pixels);
    }

    [Fact]
    public void DecodesWebpBmpAndFirstGifFrame()
    {
        var original = ImageFixtures.Solid(6, 4, 200, 40, 90);
        var webp = ImageDecoder.Decode(ImageFixtures.Encode(original, SKEncodedImageFormat.Webp));
        Assert.Equal((6, 4), (webp.Width, webp.Height));
        Assert.All(Enumerable.Range(0, webp.Pixels.Length), i => Assert.InRange(webp.Pixels[i] - original.Pixels[i], -8, 8));

        var bmp = ImageDecoder.Decode(ImageFixtures.TinyBmp());
        Assert.Equal(new byte[] { 255, 0, 0, 0, 0, 255 }, bmp.Pixels);

        var gif = ImageDecoder.Decode(ImageFixtures.TwoFrameGif());
        Assert.Equal(new byte[] { 255, 0, 0 }, gif.Pixels);
    }

    // Stored picture 32x16, quadrants TL red, TR green, BL blue, BR white. Expected: output size and the colours
    // of the displayed quadrants (TL, TR, BL, BR) per EXIF orientation, written from the EXIF definitions.
    [Theory]
    [InlineData(1, 32, 16, "RGBW")]
    [InlineData(2, 32, 16, "GRWB")]
    [InlineData(3, 32, 16, "WBGR")]
    [InlineData(4, 32, 16, "BWRG")]
    [InlineData(5, 16, 32, "RBGW")]
    [InlineData(6, 16, 32, "BRWG")]
    [InlineData(7, 16, 32, "WGBR")]
    [InlineData(8, 16, 32, "GWRB")]
    public void JpegExifOrientationIsApplied(int orientation, int width, int height, string quadrants)
    {
        var stored = ImageFixtures.FromColors(32, 16, (x, y) => (x < 16, y < 8) switch
        {
            (true, true) => ((byte)255, (byte)0, (byte)0),
            (false, true) => ((byte)0, (byte)255, (byte)0),
            (true, false) => ((byte)0, (byte)0, (byte)255),
            _ => ((byte)255, (byte)255, (byte)255),
        });
        var jpeg = ImageFixtures.WithExifOrientation(ImageFixtures.Encode(stored, SKEncodedImageFormat.Jpeg, 95), orientation);

        var image = ImageDecoder.Decode(jpeg);

        Assert.Equal((width, height), (image.Width, image.Height));
        var centres = new[] { (width / 4, height / 4), (3 * width / 4, height / 4), (width / 4, 3 * height / 4), (3 * width / 4, 3 * height / 4) };
        for (int q = 0; q < 4; q++)
        {
            var expected = quadrants[q] switch
            {
                'R' => (255, 0, 0), 'G' => (0, 255, 0), 'B' => (0, 0, 255), _ => (255, 255, 255),
            };
            var (x, y) = centres[q];
            Assert.InRange(Math.Abs(image[x, y, 0] - expected.Item1), 0, 40);
            Assert.InRange(Math.Abs(image[x, y, 1] - expected.Item2), 0, 40);
            Assert.InRange(Math.Abs(image[x, y, 2] - expected.Item3), 0, 40);
        }
    }

    [Fact]
    public void EmptyRandomAndTextInputsThrowMediaDecodeException()
    {
        Assert.Contains("empty", Assert.Throws<MediaDecodeException>(() => ImageDecoder.Decode(Array.Empty<byte>())).Message);
        var random = new byte[1000];
        new Random(42).NextBytes(random);
        Assert.Throws<MediaDecodeException>(() => ImageDecoder.Decode(random));
        Assert.Throws<MediaDecodeException>(() => ImageDecoder.Decode("hello, not an image"u8.ToArray()));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    public void TruncatedFilesThrowMediaDecodeException(SKEncodedImageFormat format)
    {
        var noisy = ImageFixtures.FromColors(64, 64, (x, y) => ((byte)(x * y), (byte)(x * 7 + y), (byte)(y * 13)));
        var bytes = ImageFixtures.Encode(noisy, format, 90);
        var ex = Assert.Throws<MediaDecodeException>(() => ImageDecoder.Decode(bytes.AsSpan(0, bytes.Length / 2)));
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void TruncatedSharedPngThrowsMediaDecodeException()
    {
        var bytes = File.ReadAllBytes(Directory.GetFiles(EmojiDir, "*.png").Order(StringComparer.Ordinal).First());
        Assert.Throws<MediaDecodeException>(() => ImageDecoder.Decode(bytes.AsSpan(0, bytes.Length * 2 / 3)));
        Assert.Throws<MediaDecodeException>(() => ImageDecoder.Decode(bytes.AsSpan(0, 20)));
    }
}
