using MMFuse.Features.Extraction;
using MMFuse.IO;

namespace MMFuse.Features.Images;

/// <summary>
/// Plugs an image featuriser into the extraction pipeline: SkiaSharp decoding per file (large images straight to the
/// size the featuriser needs, within <paramref name="maxPixels"/>), batched encoding.
/// </summary>
public sealed class ImageFeatureExtractor(IImageFeaturizer featurizer, string modelHash = "", long maxPixels = ImageDecodeOptions.DefaultMaxPixels)
    : IFeatureExtractor<RgbImage>
{
    private readonly ImageDecodeOptions _decode = new() { MaxPixels = maxPixels, TargetSide = featurizer.DecodeSide };

    /// <summary><inheritdoc /></summary>
    public ExtractorSignature Signature { get; } = new(featurizer.Id, featurizer.Version, modelHash, featurizer.Dimension);

    /// <summary><inheritdoc /></summary>
    public RgbImage Decode(byte[] content) => ImageDecoder.Decode(content, _decode);

    /// <summary><inheritdoc /></summary>
    public float[][] Encode(IReadOnlyList<RgbImage> inputs) => featurizer.Encode(inputs);

    /// <summary>Disposes the featuriser when it holds resources (ResNet18's ONNX sessions).</summary>
    public void Dispose() => (featurizer as IDisposable)?.Dispose();

    /// <summary>The extractor named <paramref name="name"/>: <c>resnet18</c>, <c>pixels</c> or <c>color-hist</c>
    /// (resolve <c>auto</c> first with <see cref="ResolveAuto"/>); another name is an
    /// <see cref="MMFuse.Data.MMFuseInputException"/>.</summary>
    public static ImageFeatureExtractor Create(string name, long maxPixels = ImageDecodeOptions.DefaultMaxPixels) => name switch
    {
        "resnet18" => FromResNet(new ResNet18Encoder(), maxPixels),
        "pixels" => new ImageFeatureExtractor(new PixelsFeaturizer(), maxPixels: maxPixels),
        "color-hist" => new ImageFeatureExtractor(new ColorHistogramFeaturizer(), maxPixels: maxPixels),
        _ => throw new MMFuse.Data.MMFuseInputException($"ExtractorChoices.Image: '{name}' is not one of resnet18, pixels, color-hist"),
    };

    /// <summary>The largest side, in pixels, at which <c>auto</c> still picks <c>pixels</c> over ResNet18.</summary>
    public const int SmallImageSide = 32;

    /// <summary>
    /// Resolves <c>auto</c>: an ImageNet CNN sees 224×224 photos, so tiny images (every sampled one at most
    /// <see cref="SmallImageSide"/> px on its longer side, such as 8×8 digits) are better served by raw pixels.
    /// Unreadable samples are skipped here; extraction reports them with their row.
    /// </summary>
    public static (string Name, string Reason) ResolveAuto(IEnumerable<string> files, int sample = 16)
    {
        var sides = new List<int>();
        foreach (var file in files.Take(sample))
        {
            try
            {
                // The header is enough: decoding a large image only to learn its size would cost a full decode.
                var (width, height) = ImageDecoder.ReadSize(RegularFile.ReadAllBytes(file));
                sides.Add(Math.Max(width, height));
            }
            catch (Exception ex) when (ex is MediaDecodeException or IOException or UnauthorizedAccessException)
            {
            }
        }
        return sides.Count > 0 && sides.Max() <= SmallImageSide
            ? ("pixels", $"images are at most {sides.Max()} px, too small for an ImageNet CNN")
            : ("resnet18", sides.Count == 0 ? "no image could be sampled" : $"images up to {sides.Max()} px");
    }

    private static ImageFeatureExtractor FromResNet(ResNet18Encoder encoder, long maxPixels) => new(encoder, encoder.ModelHash, maxPixels);
}
