namespace MMFuse.Features.Extraction;

/// <summary>
/// A pretrained or fixed feature extractor for one modality, split in two so decoding (CPU, per item, parallel)
/// can run while the previous batch is being encoded (model inference, batched).
/// </summary>
public interface IFeatureExtractor<TDecoded> : IDisposable
{
    /// <summary>What identifies this extractor's output (id, version, model hash, dimension), for the cache and model
    /// files.</summary>
    ExtractorSignature Signature { get; }

    /// <summary>Turns a file's bytes (or a text's UTF-8 bytes) into model input; throws <see cref="MediaDecodeException"/> with the reason on bad content.</summary>
    TDecoded Decode(byte[] content);

    /// <summary>One vector of <see cref="ExtractorSignature.Dimension"/> values per input, in input order.</summary>
    float[][] Encode(IReadOnlyList<TDecoded> inputs);
}
