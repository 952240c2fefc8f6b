using SkiaSharp;

namespace MMFuse.Features.Images;

/// <summary>
/// <c>color-hist</c>: joint HSV histogram over all pixels (Skia's RGB-to-HSV), normalised to sum 1.
/// Bin index = (hue * SaturationBins + saturation) * ValueBins + value; hue bins split [0, 360) evenly,
/// saturation and value bins split [0, 1] evenly (1.0 falls in the top bin). Gray pixels have hue 0.
/// </summary>
public sealed class ColorHistogramFeaturizer : IImageFeaturizer
{
    private readonly ColorHistogramOptions _options;

    /// <summary>A featuriser with <paramref name="options"/>' bin counts (default 8 × 4 × 4 = 128 values).</summary>
    public ColorHistogramFeaturizer(ColorHistogramOptions? options = null)
    {
        _options = options ?? new ColorHistogramOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.HueBins, nameof(ColorHistogramOptions.HueBins));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.SaturationBins, nameof(ColorHistogramOptions.SaturationBins));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.ValueBins, nameof(ColorHistogramOptions.ValueBins));
    }

    /// <summary><inheritdoc /></summary>
    public string Id => "color-hist";
    /// <summary><inheritdoc /></summary>
    public string Version => $"1;bins={_options.HueBins}x{_options.SaturationBins}x{_options.ValueBins}";
    /// <summary><inheritdoc /></summary>
    public int Dimension => _options.HueBins * _options.SaturationBins * _options.ValueBins;

    /// <summary>A histogram of a few hundred thousand pixels is as good as one of millions.</summary>
    public int DecodeSide => 512;

    /// <summary><inheritdoc /></summary>
    public float[][] Encode(IReadOnlyList<RgbImage> images) => [.. images.Select(EncodeOne)];

    private float[] EncodeOne(RgbImage image)
    {
        var counts = new long[Dimension];
        int pixelCount = image.Width * image.Height;
        for (int p = 0; p < pixelCount; p++)
        {
            new SKColor(image.Pixels[p * 3], image.Pixels[p * 3 + 1], image.Pixels[p * 3 + 2])
                .ToHsv(out float hue, out float saturation, out float value); // hue in [0,360), s and v in [0,100]
            int h = Bin(hue / 360f, _options.HueBins);
            int s = Bin(saturation / 100f, _options.SaturationBins);
            int v = Bin(value / 100f, _options.ValueBins);
            counts[(h * _options.SaturationBins + s) * _options.ValueBins + v]++;
        }

        var vector = new float[Dimension];
        for (int b = 0; b < vector.Length; b++)
            vector[b] = (float)((double)counts[b] / pixelCount);
        return vector;
    }

    private static int Bin(float fraction, int bins) => Math.Clamp((int)(fraction * bins), 0, bins - 1);
}
