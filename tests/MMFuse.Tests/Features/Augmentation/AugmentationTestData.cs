using MMFuse.Features;
using MMFuse.Features.Images;
using SkiaSharp;

namespace MMFuse.Tests.Features.Augmentation;

/// <summary>Synthetic inputs with structure everywhere (so any geometric change shows), made in code.</summary>
internal static class AugmentationTestData
{
    /// <summary>A colour gradient with a seed-dependent bright rectangle, no two pixels of a row alike.</summary>
    public static RgbImage Image(int width, int height, int seed = 0)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = (y * width + x) * 3;
                var inBox = x >= 3 + seed % 7 && x < 12 + seed % 7 && y >= 4 && y < 11;
                pixels[p] = (byte)(inBox ? 250 : 20 + 200 * x / width);
                pixels[p + 1] = (byte)(inBox ? 240 : 30 + 180 * y / height);
                pixels[p + 2] = (byte)((37 * x + 11 * y + 5 * seed) % 256);
            }
        }
        return new RgbImage(width, height, pixels);
    }

    public static byte[] Png(RgbImage image)
    {
        using var bitmap = ImageResizer.ToBitmap(image);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static RgbImage Mirror(RgbImage image)
    {
        var pixels = new byte[image.Pixels.Length];
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
                for (var c = 0; c < 3; c++)
                    pixels[(y * image.Width + x) * 3 + c] = image[image.Width - 1 - x, y, c];
        return new RgbImage(image.Width, image.Height, pixels);
    }

    public static int MaxDifference(RgbImage a, RgbImage b) =>
        a.Pixels.Zip(b.Pixels, (u, v) => Math.Abs(u - v)).Max();
}
