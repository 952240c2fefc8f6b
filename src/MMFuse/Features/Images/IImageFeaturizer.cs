namespace MMFuse.Features.Images;

/// <summary>
/// Turns decoded images into fixed-length vectors. <see cref="Id"/> plus <see cref="Version"/> (which includes
/// every setting that changes the numbers) identify the output for caching.
/// </summary>
public interface IImageFeaturizer
{
    /// <summary>The featuriser's name, as in <c>--image-features</c>.</summary>
    string Id { get; }
    /// <summary>Changes whenever the numbers would: an algorithm version plus every setting that affects
    /// them.</summary>
    string Version { get; }
    /// <summary>The length of each vector.</summary>
    int Dimension { get; }

    /// <summary>
    /// The shortest side an image needs for this featuriser to see all it uses; larger images may be decoded
    /// scaled down to it (see <see cref="ImageDecodeOptions.TargetSide"/>). 0: no preference.
    /// </summary>
    int DecodeSide => 0;

    /// <summary>One vector of length <see cref="Dimension"/> per image, in input order.</summary>
    float[][] Encode(IReadOnlyList<RgbImage> images);
}
