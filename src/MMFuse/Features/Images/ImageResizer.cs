using System.Runtime.InteropServices;
using SkiaSharp;

namespace MMFuse.Features.Images;

/// <summary>Resizing for the encoders, done by Skia (bilinear filtering with mipmaps, so downscaling does not alias).</summary>
public static class ImageResizer
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>Stretch to exactly <paramref name="width"/> x <paramref name="height"/>. Same size returns the input unchanged.</summary>
    public static RgbImage Resize(RgbImage image, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (image.Width == width && image.Height == height)
            return image;

        using var source = ToBitmap(image);
        using var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        if (!source.ScalePixels(target, Sampling))
            throw new InvalidOperationException($"Skia could not resize {image.Width}x{image.Height} to {width}x{height}");
        return FromBitmap(target);
    }

    /// <summary>
    /// Scale so the image covers the target, then cut the centre (what ML.NET's ResizeImages calls IsoCrop):
    /// keeps the aspect ratio, loses a border on the longer side.
    /// </summary>
    public static RgbImage CenterCropResize(RgbImage image, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        int cropW = (int)Math.Min(image.Width, Math.Round((double)image.Height * width / height));
        int cropH = (int)Math.Min(image.Height, Math.Round((double)image.Width * height / width));
        cropW = Math.Max(cropW, 1);
        cropH = Math.Max(cropH, 1);
        return Resize(Crop(image, (image.Width - cropW) / 2, (image.Height - cropH) / 2, cropW, cropH), width, height);
    }

    internal static RgbImage Crop(RgbImage image, int left, int top, int width, int height)
    {
        if (left == 0 && top == 0 && width == image.Width && height == image.Height)
            return image;
        var pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
            Buffer.BlockCopy(image.Pixels, ((top + y) * image.Width + left) * 3, pixels, y * width * 3, width * 3);
        return new RgbImage(width, height, pixels);
    }

    internal static SKBitmap ToBitmap(RgbImage image)
    {
        // Skia has no packed 24-bit format, so widen to opaque RGBA.
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = new byte[image.Width * image.Height * 4];
        for (int p = 0, n = image.Width * image.Height; p < n; p++)
        {
            rgba[p * 4] = image.Pixels[p * 3];
            rgba[p * 4 + 1] = image.Pixels[p * 3 + 1];
            rgba[p * 4 + 2] = image.Pixels[p * 3 + 2];
            rgba[p * 4 + 3] = 255;
        }
        Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        return bitmap;
    }

    internal static RgbImage FromBitmap(SKBitmap bitmap)
    {
        var rgba = new byte[bitmap.Width * bitmap.Height * 4];
        Marshal.Copy(bitmap.GetPixels(), rgba, 0, rgba.Length);
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (int p = 0, n = bitmap.Width * bitmap.Height; p < n; p++)
        {
            rgb[p * 3] = rgba[p * 4];
            rgb[p * 3 + 1] = rgba[p * 4 + 1];
            rgb[p * 3 + 2] = rgba[p * 4 + 2];
        }
        return new RgbImage(bitmap.Width, bitmap.Height, rgb);
    }
}
