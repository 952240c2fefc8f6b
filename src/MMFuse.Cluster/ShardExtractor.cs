using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Extraction;

namespace MMFuse.Cluster;

/// <summary>The extractor a shard is computed with, and the signature the client expects of it: a worker whose extractor
/// differs (another model file, another version) refuses the shard instead of mixing other features into the cache.</summary>
/// <param name="Role">Image, audio or text.</param>
/// <param name="Name">The extractor's name (<c>resnet18</c>, <c>logmel-grid</c>, <c>minilm</c>, ...).</param>
/// <param name="MaxImagePixels">An image with more pixels fails to decode.</param>
/// <param name="MaxAudioSeconds">A longer clip fails to decode.</param>
/// <param name="BatchSize">Decoded items encoded at once.</param>
/// <param name="Signature">The client's extractor signature as "id|version|model hash|dimension".</param>
/// <param name="Dimension">The vector length.</param>
[GenerateSerializer, Immutable]
public sealed record ShardExtractor(
    [property: Id(0)] ColumnRole Role,
    [property: Id(1)] string Name,
    [property: Id(2)] long MaxImagePixels,
    [property: Id(3)] double MaxAudioSeconds,
    [property: Id(4)] int BatchSize,
    [property: Id(5)] string Signature,
    [property: Id(6)] int Dimension)
{
    /// <summary>The spec of a planned column, with the client's extractor signature.</summary>
    public static ShardExtractor Of(PlannedExtraction column, ExtractorSignature signature) =>
        new(column.Column.Role, column.Extractor, column.Options.MaxImagePixels, column.Options.MaxAudioSeconds, column.Options.BatchSize, Describe(signature), signature.Dimension);

    /// <summary>A signature as one comparable string.</summary>
    public static string Describe(ExtractorSignature s) => $"{s.Id}|{s.Version}|{s.ModelHash}|{s.Dimension}";

    /// <summary>The options the extractor is made with.</summary>
    public ExtractionOptions Options => new() { MaxImagePixels = MaxImagePixels, MaxAudioSeconds = MaxAudioSeconds, BatchSize = BatchSize };

    /// <summary>What identifies an extractor instance on a worker (its pool key).</summary>
    public string Key => $"{Role}:{Name}:{MaxImagePixels}:{MaxAudioSeconds:R}";
}
