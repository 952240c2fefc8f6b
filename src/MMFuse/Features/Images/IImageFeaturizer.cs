namespace MMFuse.Features.Images;

/// <summary>
/// Turns decoded images into fixed-length vectors. <see cref="Id"/> plus <see cref="Version"/> (which includes
/// every setting that changes the numbers) identify the output for caching.
/// </summary>
public interface IImageFeaturizer
{
    string Id { get; }
    string Version { get; }
    int Dimension { get; }

    /// <summary>One vector of length <see cref="Dimension"/> per image, in input order.</summary>
    float[][] Encode(IReadOnlyList<RgbImage> images);
}
