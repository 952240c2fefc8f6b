using System.Text;
using MMFuse.Features.Extraction;

namespace MMFuse.Features.Text;

/// <summary>Plugs the MiniLM encoder into the extraction pipeline. Texts are cached by their UTF-8 bytes.
/// (tf-idf is fitted per fold, so it is not a cached extractor: see <see cref="TfidfFeaturizer"/>.)</summary>
public sealed class TextFeatureExtractor(MiniLmEncoder encoder) : IFeatureExtractor<string>
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public ExtractorSignature Signature { get; } = new(encoder.Id, encoder.Version, encoder.ModelHash, encoder.Dimension);

    public string Decode(byte[] content)
    {
        string text;
        try { text = StrictUtf8.GetString(content); }
        catch (DecoderFallbackException) { throw new MediaDecodeException("the text is not valid UTF-8"); }
        if (string.IsNullOrWhiteSpace(text))
            throw new MediaDecodeException("the text is empty");
        return text;
    }

    public float[][] Encode(IReadOnlyList<string> inputs) => encoder.Encode(inputs);

    public void Dispose() => encoder.Dispose();
}
