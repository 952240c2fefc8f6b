namespace MMFuse.Features;

/// <summary>A decoded image: 8-bit RGB, interleaved, row-major, no padding (Pixels.Length == Width * Height * 3).</summary>
public sealed record RgbImage(int Width, int Height, byte[] Pixels)
{
    /// <summary>The value of <paramref name="channel"/> (0 red, 1 green, 2 blue) at column <paramref name="x"/>, row
    /// <paramref name="y"/>.</summary>
    public byte this[int x, int y, int channel] => Pixels[(y * Width + x) * 3 + channel];
}
