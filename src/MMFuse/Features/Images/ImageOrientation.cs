using SkiaSharp;

namespace MMFuse.Features.Images;

/// <summary>
/// Applies an EXIF orientation (as Skia reports it in <see cref="SKCodec.EncodedOrigin"/>) by remapping pixels,
/// so the result is what a viewer shows. Pure index permutation: no resampling, exact.
/// </summary>
internal static class ImageOrientation
{
    public static RgbImage Apply(RgbImage image, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
            return image;

        int w = image.Width, h = image.Height;
        bool swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
            or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        int outW = swaps ? h : w, outH = swaps ? w : h;
        var dst = new byte[image.Pixels.Length];

        for (int y = 0; y < outH; y++)
        {
            for (int x = 0; x < outW; x++)
            {
                var (sx, sy) = origin switch
                {
                    SKEncodedOrigin.TopRight => (w - 1 - x, y),            // 2: mirror horizontally
                    SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y), // 3: rotate 180
                    SKEncodedOrigin.BottomLeft => (x, h - 1 - y),          // 4: mirror vertically
                    SKEncodedOrigin.LeftTop => (y, x),                     // 5: transpose
                    SKEncodedOrigin.RightTop => (y, h - 1 - x),            // 6: rotate 90 clockwise
                    SKEncodedOrigin.RightBottom => (w - 1 - y, h - 1 - x), // 7: transverse
                    SKEncodedOrigin.LeftBottom => (w - 1 - y, x),          // 8: rotate 90 counter-clockwise
                    _ => throw new MediaDecodeException($"unknown EXIF orientation {(int)origin}"),
                };
                Buffer.BlockCopy(image.Pixels, (sy * w + sx) * 3, dst, (y * outW + x) * 3, 3);
            }
        }
        return new RgbImage(outW, outH, dst);
    }
}
