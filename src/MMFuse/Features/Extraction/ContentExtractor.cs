using MMFuse.Data;
using MMFuse.Features.Audio;
using MMFuse.Features.Images;
using MMFuse.Features.Text;

namespace MMFuse.Features.Extraction;

/// <summary>
/// A pretrained extractor chosen by name, applied to contents outside a table (file bytes, or a text's UTF-8 bytes):
/// what a cluster worker runs on a shard of cells. Each item is decoded as <see cref="FeaturePipeline"/> decodes it (a
/// bad one gets its reason instead of a vector) and the rest are encoded in batches, so every vector equals the one a
/// local extraction stores under the same cache key. Not for concurrent use: one extraction at a time per instance.
/// </summary>
public sealed class ContentExtractor : IDisposable
{
    private readonly IDisposable _extractor;
    private readonly Func<IReadOnlyList<byte[]>, int, (float[]?[], string?[])> _extract;

    private ContentExtractor(ExtractorSignature signature, IDisposable extractor, Func<IReadOnlyList<byte[]>, int, (float[]?[], string?[])> extract)
    {
        Signature = signature;
        _extractor = extractor;
        _extract = extract;
    }

    /// <summary>The extractor's id, version, model hash and dimension: equal signatures give equal vectors.</summary>
    public ExtractorSignature Signature { get; }

    /// <summary>Makes the extractor a column of <paramref name="role"/> uses under <paramref name="name"/> (as in
    /// <see cref="ExtractorChoices"/>, <c>auto</c> already resolved), with the decode limits of <paramref name="options"/>.</summary>
    /// <exception cref="MMFuseInputException">An unknown name, or a role that has no pretrained extractor.</exception>
    public static ContentExtractor Create(ColumnRole role, string name, ExtractionOptions? options = null)
    {
        options ??= new ExtractionOptions();
        return role switch
        {
            ColumnRole.Image => Of(ImageFeatureExtractor.Create(name, options.MaxImagePixels)),
            ColumnRole.Audio => Of(AudioFeatureExtractor.Create(name, options.MaxAudioSeconds)),
            ColumnRole.Text when name == "minilm" => Of(new TextFeatureExtractor(new MiniLmEncoder())),
            _ => throw new MMFuseInputException($"no pretrained {role.Name()} extractor is named '{name}'"),
        };
    }

    private static ContentExtractor Of<T>(IFeatureExtractor<T> extractor) =>
        new(extractor.Signature, extractor, (contents, batch) => Extract(extractor, contents, batch));

    /// <summary>One vector per content, in order; where a content cannot be decoded, a null vector and the reason.</summary>
    /// <param name="contents">The items' bytes.</param>
    /// <param name="batchSize">Decoded items handed to the encoder at once.</param>
    public (float[]?[] Vectors, string?[] Failures) Extract(IReadOnlyList<byte[]> contents, int batchSize = 32) => _extract(contents, batchSize);

    private static (float[]?[], string?[]) Extract<T>(IFeatureExtractor<T> extractor, IReadOnlyList<byte[]> contents, int batchSize)
    {
        var vectors = new float[]?[contents.Count];
        var failures = new string?[contents.Count];
        var decoded = new List<(int Index, T Input)>();
        for (var i = 0; i < contents.Count; i++)
        {
            try
            {
                decoded.Add((i, extractor.Decode(contents[i])));
            }
            catch (Exception ex) when (ex is MediaDecodeException or IOException or UnauthorizedAccessException)
            {
                failures[i] = ex.Message;
            }
        }
        foreach (var batch in decoded.Chunk(Math.Max(batchSize, 1)))
        {
            var encoded = extractor.Encode(batch.Select(b => b.Input).ToArray());
            for (var j = 0; j < batch.Length; j++)
                vectors[batch[j].Index] = encoded[j];
        }
        return (vectors, failures);
    }

    /// <summary>Releases the extractor's model sessions.</summary>
    public void Dispose() => _extractor.Dispose();
}
