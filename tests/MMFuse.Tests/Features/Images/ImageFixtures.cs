using System.Runtime.InteropServices;
using MMFuse.Features;
using SkiaSharp;

namespace MMFuse.Tests.Features.Images;

/// <summary>Builds small test images and encodes them with Skia (PNG/JPEG/WebP) or by hand (BMP, GIF, EXIF).</summary>
internal static class ImageFixtures
{
    public static RgbImage Solid(int width, int height, byte r, byte g, byte b)
    {
        var pixels = new byte[width * height * 3];
        for (int p = 0; p < width * height; p++)
            (pixels[p * 3], pixels[p * 3 + 1], pixels[p * 3 + 2]) = (r, g, b);
        return new RgbImage(width, height, pixels);
    }

    public static RgbImage FromColors(int width, int height, Func<int, int, (byte R, byte G, byte B)> color)
    {
        var pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                (pixels[(y * width + x) * 3], pixels[(y * width + x) * 3 + 1], pixels[(y * width + x) * 3 + 2]) = color(x, y);
        return new RgbImage(width, height, pixels);
    }

    /// <summary>Encodes unpremultiplied RGBA pixels (4 bytes each) with Skia.</summary>
    public static byte[] Encode(int width, int height, byte[] rgba, SKEncodedImageFormat format, int quality = 100)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    public static byte[] Encode(RgbImage image, SKEncodedImageFormat format, int quality = 100)
    {
        var rgba = new byte[image.Width * image.Height * 4];
        for (int p = 0; p < image.Width * image.Height; p++)
        {
            Array.Copy(image.Pixels, p * 3, rgba, p * 4, 3);
            rgba[p * 4 + 3] = 255;
        }
        return Encode(image.Width, image.Height, rgba, format, quality);
    }

    /// <summary>Inserts a minimal EXIF APP1 segment (little-endian TIFF, one IFD entry: Orientation) after SOI.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, int orientation)
    {
        byte[] payload =
        [
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'I', (byte)'I', 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, // TIFF header, IFD0 at offset 8
            0x01, 0x00,                                                 // one entry
            0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00,             // tag 0x0112 Orientation, SHORT, count 1
            (byte)orientation, 0x00, 0x00, 0x00,                        // value
            0x00, 0x00, 0x00, 0x00,                                     // no next IFD
        ];
        int length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    /// <summary>A 2x1 24-bit BMP (bottom-up rows): left pixel red, right pixel blue.</summary>
    public static byte[] TinyBmp()
    {
        byte[] header =
        [
            (byte)'B', (byte)'M', 62, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0,      // file header: size 62, data at 54
            40, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24, 0, 0, 0, 0, 0,    // BITMAPINFOHEADER 2x1, 24 bpp
            8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ];
        byte[] row = [0, 0, 255, 255, 0, 0, 0, 0]; // BGR red, BGR blue, padding to 4 bytes
        return [.. header, .. row];
    }

    /// <summary>A 1x1 GIF with two frames: frame 0 red (global palette), frame 1 blue (local palette).</summary>
    public static byte[] TwoFrameGif() =>
    [
        (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0, 1, 0, 0x80, 0, 0,
        0xFF, 0x00, 0x00, 0x00, 0x00, 0x00,                        // global palette: red, black
        0x21, 0xF9, 0x04, 0x00, 0x0A, 0x00, 0x00, 0x00,            // graphic control: 0.1 s
        0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00,
        0x21, 0xF9, 0x04, 0x00, 0x0A, 0x00, 0x00, 0x00,
        0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0x80, 0x00, 0x00, 0xFF, 0x00, 0x00, 0x00, // local palette: blue, black
        0x02, 0x02, 0x44, 0x01, 0x00,
        0x3B,
    ];
}
