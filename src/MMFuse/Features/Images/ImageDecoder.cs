using System.Runtime.InteropServices;
using SkiaSharp;

namespace MMFuse.Features.Images;

/// <summary>
/// Decodes image files (PNG, JPEG, WebP, BMP, GIF first frame, and whatever else Skia's codecs read) into
/// <see cref="RgbImage"/>: EXIF orientation applied, alpha composited on white, grayscale expanded to RGB.
/// Images above <see cref="ImageDecodeOptions.MaxPixels"/> are refused; those above the full-decode budget are
/// decoded scaled down (<see cref="ScaledImageDecoder"/>). Every failure surfaces as <see cref="MediaDecodeException"/>.
/// </summary>
public static class ImageDecoder
{
    /// <summary>Decodes a whole image file within <paramref name="options"/> (default:
    /// <see cref="ImageDecodeOptions.Default"/>); throws <see cref="MediaDecodeException"/> with the reason when it
    /// cannot.</summary>
    public static RgbImage Decode(byte[] bytes, ImageDecodeOptions? options = null) => Decode(bytes.AsSpan(), options);

    /// <summary>Decodes a whole image file within <paramref name="options"/> (default:
    /// <see cref="ImageDecodeOptions.Default"/>); throws <see cref="MediaDecodeException"/> with the reason when it
    /// cannot.</summary>
    public static RgbImage Decode(ReadOnlySpan<byte> bytes, ImageDecodeOptions? options = null)
    {
        options ??= ImageDecodeOptions.Default;
        if (bytes.IsEmpty)
            throw new MediaDecodeException("empty image file");

        using var data = SKData.CreateCopy(bytes);
        using var codec = OpenCodec(data);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var pixels = (long)width * height;
        if (pixels > options.MaxPixels)
            throw new MediaDecodeException($"image too large: {width}x{height} is {pixels} pixels, above the limit of {options.MaxPixels} (DatasetOptions.MaxImagePixels)");

        var factor = ScaledImageDecoder.Factor(width, height, options);
        var image = (factor > 1 ? ScaledImageDecoder.Decode(codec, bytes, factor, options.FullDecodePixels) : null)
            ?? DecodePixels(codec, width, height);
        return ImageOrientation.Apply(image, codec.EncodedOrigin);
    }

    /// <summary>The image's size as its header states it, without decoding pixels.</summary>
    public static (int Width, int Height) ReadSize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            throw new MediaDecodeException("empty image file");
        using var data = SKData.CreateCopy(bytes);
        using var codec = OpenCodec(data);
        return (codec.Info.Width, codec.Info.Height);
    }

    private static SKCodec OpenCodec(SKData data)
    {
        var codec = SKCodec.Create(data)
            ?? throw new MediaDecodeException("not a recognised image format (PNG, JPEG, WebP, BMP, GIF)");
        if (codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            codec.Dispose();
            throw new MediaDecodeException($"invalid image size {codec.Info.Width}x{codec.Info.Height}");
        }
        return codec;
    }

    /// <summary>Decodes the first frame at <paramref name="width"/>×<paramref name="height"/> (the full size, or one the codec can scale to).</summary>
    internal static RgbImage DecodePixels(SKCodec codec, int width, int height)
    {
        // Unpremultiplied RGBA lets us composite on white ourselves with exact integer arithmetic.
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize];
        var handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
        SKCodecResult result;
        try
        {
            // Frame 0 is the first GIF/WebP animation frame; still images have only that one.
            result = codec.GetPixels(info, handle.AddrOfPinnedObject(), new SKCodecOptions(0));
        }
        finally
        {
            handle.Free();
        }

        if (result != SKCodecResult.Success)
            throw new MediaDecodeException(result switch
            {
                SKCodecResult.IncompleteInput => $"truncated {codec.EncodedFormat} data",
                SKCodecResult.ErrorInInput => $"corrupt {codec.EncodedFormat} data",
                _ => $"cannot decode {codec.EncodedFormat} image ({result})",
            });
        return new RgbImage(width, height, CompositeOnWhite(rgba, width * height));
    }

    /// <summary>out = a*c + (1-a)*255, rounded; opaque pixels pass through unchanged.</summary>
    internal static int OnWhite(int value, int alpha) =>
        alpha == 255 ? value : (value * alpha + 255 * (255 - alpha) + 127) / 255;

    private static byte[] CompositeOnWhite(byte[] rgba, int pixelCount)
    {
        var rgb = new byte[pixelCount * 3];
        for (int p = 0; p < pixelCount; p++)
        {
            int a = rgba[p * 4 + 3];
            for (int c = 0; c < 3; c++)
                rgb[p * 3 + c] = (byte)OnWhite(rgba[p * 4 + c], a);
        }
        return rgb;
    }
}
