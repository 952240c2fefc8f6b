using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;

namespace MMFuse.Features.Augmentation;

/// <summary>
/// Variant <see cref="Variant"/> of an extractor's features: decoding goes through an augmenting decode
/// function, encoding is the wrapped extractor's. Its signature's version carries the augmentation tag
/// (modality, options fingerprint, algorithm version), the seed and the variant, so <see cref="FeaturePipeline"/>
/// caches each variant under its own key, apart from the un-augmented features; the id and dimension stay the
/// wrapped extractor's, so a variant's block lines up with the plain one.
/// Does not own the wrapped extractor (one model serves every variant): disposing this leaves it open.
/// </summary>
internal sealed class AugmentingExtractor<T> : IFeatureExtractor<T>
{
    private readonly IFeatureExtractor<T> _inner;
    private readonly Func<byte[], Random, T> _decode;

    /// <param name="inner">The extractor whose encoder (and signature id and dimension) the variant uses.</param>
    /// <param name="decode">Bytes and this row's own generator to the augmented decoded form; must use no other randomness.</param>
    /// <param name="tag">Modality, options fingerprint and algorithm version, folded into the signature's version.</param>
    /// <param name="seed">The base seed; with the row's content and the variant it seeds the row's generator.</param>
    /// <param name="variant">The variant index, 0 or more.</param>
    public AugmentingExtractor(IFeatureExtractor<T> inner, Func<byte[], Random, T> decode, string tag, int seed, int variant)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variant);
        _inner = inner;
        _decode = decode;
        Seed = seed;
        Variant = variant;
        var plain = inner.Signature;
        Signature = plain with { Version = $"{plain.Version}+{tag};seed={seed};v={variant}" };
    }

    public ExtractorSignature Signature { get; }
    public int Seed { get; }
    public int Variant { get; }

    /// <summary>The generator comes from the content's own hash, the same hash the cache key is built from.</summary>
    public T Decode(byte[] content) => _decode(content, AugmentationRandom.For(FeatureKey.HashContent(content), Seed, Variant));

    public float[][] Encode(IReadOnlyList<T> inputs) => _inner.Encode(inputs);

    public void Dispose()
    {
        // Nothing owned: see the class comment.
    }
}
