namespace MMFuse.Features.Images;

/// <summary>
/// <c>pixels</c>: grayscale (ITU-R BT.601 luma) of the image stretched to Size x Size, row-major, in [0, 1].
/// A cheap baseline for tiny images such as digits.
/// </summary>
public sealed class PixelsFeaturizer : IImageFeaturizer
{
    private readonly int _size;

    /// <summary>A featuriser at <paramref name="options"/>' size (default 16 × 16 = 256 values).</summary>
    public PixelsFeaturizer(PixelsOptions? options = null)
    {
        _size = (options ?? new PixelsOptions()).Size;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_size, nameof(PixelsOptions.Size));
    }

    /// <summary><inheritdoc /></summary>
    public string Id => "pixels";
    /// <summary><inheritdoc /></summary>
    public string Version => $"1;size={_size}";
    /// <summary><inheritdoc /></summary>
    public int Dimension => _size * _size;
    /// <summary><inheritdoc /></summary>
    public int DecodeSide => _size;

    /// <summary><inheritdoc /></summary>
    public float[][] Encode(IReadOnlyList<RgbImage> images) => [.. images.Select(EncodeOne)];

    private float[] EncodeOne(RgbImage image)
    {
        var small = ImageResizer.Resize(image, _size, _size);
        var vector = new float[Dimension];
        for (int p = 0; p < vector.Length; p++)
        {
            vector[p] = (0.299f * small.Pixels[p * 3] + 0.587f * small.Pixels[p * 3 + 1] + 0.114f * small.Pixels[p * 3 + 2]) / 255f;
        }
        return vector;
    }
}
