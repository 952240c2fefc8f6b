using System.Runtime.InteropServices;
using SkiaSharp;

namespace MMFuse.Features.Images;

/// <summary>
/// Decodes image files (PNG, JPEG, WebP, BMP, GIF first frame, and whatever else Skia's codecs read) into
/// <see cref="RgbImage"/>: EXIF orientation applied, alpha composited on white, grayscale expanded to RGB.
/// Every failure surfaces as <see cref="MediaDecodeException"/> with the reason.
/// </summary>
public static class ImageDecoder
{
    /// <summary>Refuse images above this many pixels so a crafted header cannot make us allocate gigabytes.</summary>
    public const long MaxPixels = 100_000_000;

    public static RgbImage Decode(byte[] bytes) => Decode(bytes.AsSpan());

    public static RgbImage Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            throw new MediaDecodeException("empty image file");

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new MediaDecodeException("not a recognised image format (PNG, JPEG, WebP, BMP, GIF)");

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
            throw new MediaDecodeException($"invalid image size {width}x{height}");
        if ((long)width * height > MaxPixels)
            throw new MediaDecodeException($"image too large ({width}x{height} pixels, limit {MaxPixels})");

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

        var rgb = CompositeOnWhite(rgba, width * height);
        return ImageOrientation.Apply(new RgbImage(width, height, rgb), codec.EncodedOrigin);
    }

    /// <summary>out = a*c + (1-a)*255, rounded; opaque pixels pass through unchanged.</summary>
    private static byte[] CompositeOnWhite(byte[] rgba, int pixelCount)
    {
        var rgb = new byte[pixelCount * 3];
        for (int p = 0; p < pixelCount; p++)
        {
            int a = rgba[p * 4 + 3];
            for (int c = 0; c < 3; c++)
            {
                int v = rgba[p * 4 + c];
                rgb[p * 3 + c] = a == 255 ? (byte)v : (byte)((v * a + 255 * (255 - a) + 127) / 255);
            }
        }
        return rgb;
    }
}
