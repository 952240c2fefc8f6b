using MMFuse.Data;
using MMFuse.Features;

namespace MMFuse.Bundle;

/// <summary>The extractor that turned one feature column into vectors. Predicting with the model needs the same
/// extractor (same id, version and model hash), so loading can refuse a mismatch instead of feeding it wrong features.</summary>
public sealed record ManifestExtractor(string Column, ColumnRole Modality, string Id, string Version, string ModelHash, int Dimension)
{
    public static ManifestExtractor From(string column, ColumnRole modality, ExtractorSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return new(column, modality, signature.Id, signature.Version, signature.ModelHash, signature.Dimension);
    }

    public ExtractorSignature ToSignature() => new(Id, Version, ModelHash, Dimension);
}
