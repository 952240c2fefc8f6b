using System.Text;
using MMFuse.Features.Extraction;

namespace MMFuse.Features.Text;

/// <summary>Plugs the MiniLM encoder into the extraction pipeline. Texts are cached by their UTF-8 bytes.
/// (tf-idf is fitted per fold, so it is not a cached extractor: see <see cref="TfidfFeaturizer"/>.)</summary>
public sealed class TextFeatureExtractor(MiniLmEncoder encoder) : IFeatureExtractor<string>
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary><inheritdoc /></summary>
    public ExtractorSignature Signature { get; } = new(encoder.Id, encoder.Version, encoder.ModelHash, encoder.Dimension);

    /// <summary>The text of a cell's UTF-8 bytes; invalid UTF-8 or a blank text is a
    /// <see cref="MediaDecodeException"/>.</summary>
    public string Decode(byte[] content)
    {
        string text;
        try { text = StrictUtf8.GetString(content); }
        catch (DecoderFallbackException) { throw new MediaDecodeException("the text is not valid UTF-8"); }
        if (string.IsNullOrWhiteSpace(text))
            throw new MediaDecodeException("the text is empty");
        return text;
    }

    /// <summary><inheritdoc /></summary>
    public float[][] Encode(IReadOnlyList<string> inputs) => encoder.Encode(inputs);

    /// <summary>Disposes the MiniLM encoder.</summary>
    public void Dispose() => encoder.Dispose();
}
