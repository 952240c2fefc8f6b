namespace MMFuse.Features.Audio;

/// <summary>
/// Turns a log-mel matrix into a 224×224 RGB picture for the ResNet18 image encoder: time runs left to right,
/// frequency bottom (low bands) to top, values min-max scaled to 0..255 per spectrogram and copied to all
/// three channels. Resizing is nearest-neighbour on cell centres, so no band or frame is blended away
/// and a constant spectrogram maps to a uniform (zero) image instead of dividing by zero.
/// </summary>
public static class SpectrogramImage
{
    /// <summary>The side of the square image, in pixels (ResNet18's input size).</summary>
    public const int Size = 224;

    /// <summary>Renders a log-mel matrix ([frame][band], at least one of each) as a <see cref="Size"/>-square grey RGB
    /// image.</summary>
    public static RgbImage Render(float[][] logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        if (logMel.Length == 0 || logMel[0].Length == 0)
            throw new ArgumentException("The log-mel matrix is empty.", nameof(logMel));
        var frames = logMel.Length;
        var bands = logMel[0].Length;

        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (var frame in logMel)
        {
            if (frame.Length != bands)
                throw new ArgumentException("The log-mel matrix is ragged.", nameof(logMel));
            foreach (var v in frame)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }
        var scale = max > min ? 255f / (max - min) : 0f;

        var pixels = new byte[Size * Size * 3];
        for (var y = 0; y < Size; y++)
        {
            var band = bands - 1 - (int)((y + 0.5) * bands / Size); // top row = highest band
            for (var x = 0; x < Size; x++)
            {
                var frame = (int)((x + 0.5) * frames / Size);
                var value = (byte)MathF.Round((logMel[frame][band] - min) * scale);
                var p = (y * Size + x) * 3;
                pixels[p] = pixels[p + 1] = pixels[p + 2] = value;
            }
        }
        return new RgbImage(Size, Size, pixels);
    }
}
