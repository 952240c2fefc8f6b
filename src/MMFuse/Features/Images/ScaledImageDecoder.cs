using System.Runtime.InteropServices;
using SkiaSharp;

namespace MMFuse.Features.Images;

/// <summary>
/// Decodes a large image straight to 1/factor of its size: the codec's own scaling where it has one (JPEG, WebP),
/// else row by row (<see cref="PngRowReader"/> for PNG, Skia's scanline decoder for BMP and the like), averaging factor×factor blocks, so only one source row and one
/// row of sums are held besides the small result. Formats with neither decode at full size, which
/// <see cref="ImageDecodeOptions.MaxPixels"/> still bounds.
/// </summary>
internal static class ScaledImageDecoder
{
    /// <summary>
    /// 1 for images within the full-decode budget; else large enough to fit the budget, and larger still while
    /// the shorter side stays at or above the featuriser's target side.
    /// </summary>
    public static int Factor(int width, int height, ImageDecodeOptions options)
    {
        var pixels = (long)width * height;
        if (pixels <= options.FullDecodePixels)
            return 1;
        var forBudget = (int)Math.Ceiling(Math.Sqrt((double)pixels / options.FullDecodePixels));
        var forTarget = options.TargetSide > 0 ? Math.Min(width, height) / options.TargetSide : 1;
        return Math.Clamp(Math.Max(forBudget, forTarget), 1, Math.Min(width, height));
    }

    /// <summary>The decoded image at about 1/factor of the size, or null when the codec can only decode at full size.</summary>
    public static RgbImage? Decode(SKCodec codec, ReadOnlySpan<byte> encoded, int factor, long budgetPixels)
    {
        var native = codec.GetScaledDimensions(1f / factor);
        if (native.Width < codec.Info.Width && (long)native.Width * native.Height <= budgetPixels)
            return ImageDecoder.DecodePixels(codec, native.Width, native.Height);
        if (codec.EncodedFormat == SKEncodedImageFormat.Png)
        {
            using var png = PngRowReader.TryOpen(encoded);
            if (png is not null)
                return Downscale(png.Width, png.Height, factor, bottomUp: false, png.ReadRow);
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (codec.StartScanlineDecode(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul)) != SKCodecResult.Success)
            return null;
        return Downscale(width, height, factor, codec.ScanlineOrder == SKCodecScanlineOrder.BottomUp, row => ReadScanline(codec, row));
    }

    private static void ReadScanline(SKCodec codec, byte[] row)
    {
        var handle = GCHandle.Alloc(row, GCHandleType.Pinned);
        try
        {
            if (codec.GetScanlines(handle.AddrOfPinnedObject(), 1, row.Length) != 1)
                throw new MediaDecodeException($"truncated {codec.EncodedFormat} data");
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>Averages factor×factor blocks of the rows <paramref name="readRow"/> gives (RGBA, in the order stated).</summary>
    private static RgbImage Downscale(int width, int height, int factor, bool bottomUp, Action<byte[]> readRow)
    {
        var (outWidth, outHeight) = (width / factor, height / factor);
        var row = new byte[width * 4];
        var sums = new long[outWidth * 3];
        var rgb = new byte[outWidth * outHeight * 3];
        for (var i = 0; i < height; i++)
        {
            readRow(row);
            var y = bottomUp ? height - 1 - i : i;
            if (y / factor >= outHeight)
                continue; // the last partial band of rows is dropped, as are the last partial columns
            Accumulate(row, sums, outWidth, factor);
            if (y % factor == (bottomUp ? 0 : factor - 1))
                Flush(sums, rgb, y / factor, outWidth, factor);
        }
        return new RgbImage(outWidth, outHeight, rgb);
    }

    /// <summary>Adds one RGBA row, composited on white, to the per-column sums of its band.</summary>
    private static void Accumulate(byte[] rgba, long[] sums, int outWidth, int factor)
    {
        for (int column = 0, p = 0; column < outWidth; column++)
        {
            long r = 0, g = 0, b = 0;
            for (var end = p + factor * 4; p < end; p += 4)
            {
                int a = rgba[p + 3];
                r += ImageDecoder.OnWhite(rgba[p], a);
                g += ImageDecoder.OnWhite(rgba[p + 1], a);
                b += ImageDecoder.OnWhite(rgba[p + 2], a);
            }
            sums[column * 3] += r;
            sums[column * 3 + 1] += g;
            sums[column * 3 + 2] += b;
        }
    }

    private static void Flush(long[] sums, byte[] rgb, int outY, int outWidth, int factor)
    {
        long area = (long)factor * factor;
        for (var i = 0; i < sums.Length; i++)
            rgb[outY * outWidth * 3 + i] = (byte)((sums[i] + area / 2) / area);
        Array.Clear(sums);
    }
}
