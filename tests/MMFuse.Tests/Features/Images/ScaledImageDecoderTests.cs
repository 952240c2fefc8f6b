using MMFuse.Features;
using MMFuse.Features.Images;
using SkiaSharp;

namespace MMFuse.Tests.Features.Images;

public sealed class ScaledImageDecoderTests
{
    private const int LargeSide = 6000;
    private const byte Gray = 90;

    /// <summary>A 36 MP PNG of one gray: about 40 KB on disk, 144 MB as RGBA.</summary>
    private static readonly Lazy<byte[]> LargePng = new(() =>
    {
        using var bitmap = new SKBitmap(new SKImageInfo(LargeSide, LargeSide, SKColorType.Gray8, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(Gray, Gray, Gray));
        // Fastest zlib, no row filters: the test wants a large image, not a small file made slowly.
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.NoFilters, 1))!;
        return data.ToArray();
    });

    [Fact]
    public void A_large_png_is_decoded_straight_to_the_size_the_featuriser_needs()
    {
        using var extractor = ImageFeatureExtractor.Create("pixels");
        var bytes = LargePng.Value;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var image = extractor.Decode(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(Math.Min(image.Width, image.Height), 16, 2 * 16);
        Assert.True(allocated < 4_000_000, $"decoding allocated {allocated} bytes");
        var vector = Assert.Single(extractor.Encode([image]));
        Assert.All(vector, v => Assert.Equal(Gray / 255f, v, 3));
    }

    [Fact]
    public void Without_a_target_a_large_image_is_decoded_within_the_full_decode_budget()
    {
        var bytes = ImageFixtures.Encode(ImageFixtures.Solid(300, 200, Gray, Gray, Gray), SKEncodedImageFormat.Png);
        var image = ImageDecoder.Decode(bytes, new ImageDecodeOptions { FullDecodePixels = 10_000 });
        Assert.InRange((long)image.Width * image.Height, 5_000, 10_000);
        Assert.All(image.Pixels, p => Assert.Equal(Gray, p));
    }

    [Fact]
    public void An_image_above_the_pixel_limit_is_refused_naming_its_pixel_count()
    {
        var options = new ImageDecodeOptions { MaxPixels = 30_000_000 };
        var ex = Assert.Throws<MediaDecodeException>(() => ImageDecoder.Decode(LargePng.Value, options));
        Assert.Contains("6000x6000 is 36000000 pixels, above the limit of 30000000", ex.Message);
    }

    [Fact]
    public void The_default_limit_refuses_what_a_user_plausibly_does_not_have()
    {
        Assert.Equal(40_000_000, ImageDecodeOptions.Default.MaxPixels);
        Assert.Equal(40_000_000, new MMFuse.Features.Extraction.ExtractionOptions().MaxImagePixels);
    }

    [Fact]
    public void Images_within_the_budget_decode_at_full_size()
    {
        var original = ImageFixtures.Solid(100, 50, 10, 20, 30);
        var image = ImageDecoder.Decode(ImageFixtures.Encode(original, SKEncodedImageFormat.Png), new ImageDecodeOptions { TargetSide = 8 });
        Assert.Equal((100, 50), (image.Width, image.Height));
        Assert.Equal(original.Pixels, image.Pixels);
    }

    [Fact]
    public void Scaled_scanlines_average_blocks_and_composite_alpha_on_white()
    {
        // 4x4: top half opaque red, bottom half fully transparent (white once composited).
        var rgba = new byte[4 * 4 * 4];
        for (var p = 0; p < 8; p++)
            (rgba[p * 4], rgba[p * 4 + 3]) = (255, 255);
        var bytes = ImageFixtures.Encode(4, 4, rgba, SKEncodedImageFormat.Png);
        var image = ImageDecoder.Decode(bytes, new ImageDecodeOptions { FullDecodePixels = 4 });
        Assert.Equal((2, 2), (image.Width, image.Height));
        Assert.Equal(new byte[] { 255, 0, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255 }, image.Pixels);
    }

    [Fact]
    public void Scaled_bottom_up_bmp_keeps_its_top_on_top()
    {
        var image = ImageDecoder.Decode(BottomUpBmp(), new ImageDecodeOptions { FullDecodePixels = 4 });
        Assert.Equal((2, 2), (image.Width, image.Height));
        Assert.Equal(new byte[] { 255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255 }, image.Pixels);
    }

    /// <summary>A 4x4 24-bit BMP stored bottom-up: the top two rows red, the bottom two blue.</summary>
    private static byte[] BottomUpBmp()
    {
        byte[] header =
        [
            (byte)'B', (byte)'M', 102, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0,     // file header: size 54 + 48, data at 54
            40, 0, 0, 0, 4, 0, 0, 0, 4, 0, 0, 0, 1, 0, 24, 0, 0, 0, 0, 0,    // BITMAPINFOHEADER 4x4, 24 bpp
            48, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ];
        byte[] blue = [255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0];  // BGR, 12 bytes: no padding
        byte[] red = [0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255];
        return [.. header, .. blue, .. blue, .. red, .. red];
    }

    [Theory]
    [InlineData(SKColorType.Rgba8888, SKAlphaType.Unpremul, SKPngEncoderFilterFlags.AllFilters)]
    [InlineData(SKColorType.Rgba8888, SKAlphaType.Unpremul, SKPngEncoderFilterFlags.Sub)]
    [InlineData(SKColorType.Rgba8888, SKAlphaType.Unpremul, SKPngEncoderFilterFlags.Up)]
    [InlineData(SKColorType.Rgba8888, SKAlphaType.Unpremul, SKPngEncoderFilterFlags.Avg)]
    [InlineData(SKColorType.Rgba8888, SKAlphaType.Unpremul, SKPngEncoderFilterFlags.Paeth)]
    [InlineData(SKColorType.Rgb888x, SKAlphaType.Opaque, SKPngEncoderFilterFlags.AllFilters)]
    [InlineData(SKColorType.Gray8, SKAlphaType.Opaque, SKPngEncoderFilterFlags.AllFilters)]
    public void Scaled_png_rows_match_the_block_average_of_the_full_decode(SKColorType colorType, SKAlphaType alphaType, SKPngEncoderFilterFlags filters)
    {
        var random = new Random(7);
        using var bitmap = new SKBitmap(new SKImageInfo(12, 8, colorType, alphaType));
        for (var y = 0; y < 8; y++)
            for (var x = 0; x < 12; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKPngEncoderOptions(filters, 6))!;
        var bytes = data.ToArray();

        var full = ImageDecoder.Decode(bytes);
        var scaled = ImageDecoder.Decode(bytes, new ImageDecodeOptions { FullDecodePixels = 24 });

        Assert.Equal((6, 4), (scaled.Width, scaled.Height));
        for (var y = 0; y < 4; y++)
            for (var x = 0; x < 6; x++)
                for (var c = 0; c < 3; c++)
                {
                    var sum = 0;
                    for (var dy = 0; dy < 2; dy++)
                        for (var dx = 0; dx < 2; dx++)
                            sum += full.Pixels[((2 * y + dy) * 12 + 2 * x + dx) * 3 + c];
                    Assert.Equal((sum + 2) / 4, scaled.Pixels[(y * 6 + x) * 3 + c]);
                }
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Jpeg_and_webp_use_the_codec_s_own_scaling(SKEncodedImageFormat format)
    {
        var bytes = ImageFixtures.Encode(ImageFixtures.Solid(64, 64, 200, 40, 90), format);
        var image = ImageDecoder.Decode(bytes, new ImageDecodeOptions { FullDecodePixels = 256 });
        Assert.Equal((16, 16), (image.Width, image.Height));
        Assert.InRange(image.Pixels[0], 190, 210);
        Assert.InRange(image.Pixels[1], 30, 50);
    }
}
