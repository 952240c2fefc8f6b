using MMFuse.Features.Extraction;

namespace MMFuse.Features.Images;

/// <summary>Plugs an image featuriser into the extraction pipeline: SkiaSharp decoding per file, batched encoding.</summary>
public sealed class ImageFeatureExtractor(IImageFeaturizer featurizer, string modelHash = "") : IFeatureExtractor<RgbImage>
{
    public ExtractorSignature Signature { get; } = new(featurizer.Id, featurizer.Version, modelHash, featurizer.Dimension);

    public RgbImage Decode(byte[] content) => ImageDecoder.Decode(content);

    public float[][] Encode(IReadOnlyList<RgbImage> inputs) => featurizer.Encode(inputs);

    public void Dispose() => (featurizer as IDisposable)?.Dispose();

    public static ImageFeatureExtractor Create(string name) => name switch
    {
        "resnet18" => FromResNet(new ResNet18Encoder()),
        "pixels" => new ImageFeatureExtractor(new PixelsFeaturizer()),
        "color-hist" => new ImageFeatureExtractor(new ColorHistogramFeaturizer()),
        _ => throw new MMFuse.Data.MMFuseInputException($"--image-features: '{name}' is not one of resnet18, pixels, color-hist"),
    };

    private static ImageFeatureExtractor FromResNet(ResNet18Encoder encoder) => new(encoder, encoder.ModelHash);
}
