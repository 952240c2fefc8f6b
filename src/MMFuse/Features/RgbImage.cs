namespace MMFuse.Features;

/// <summary>A decoded image: 8-bit RGB, interleaved, row-major, no padding (Pixels.Length == Width * Height * 3).</summary>
public sealed record RgbImage(int Width, int Height, byte[] Pixels)
{
    public byte this[int x, int y, int channel] => Pixels[(y * Width + x) * 3 + channel];
}
