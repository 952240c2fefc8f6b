using MMFuse.Data;
using MMFuse.Features;

namespace MMFuse.Bundle;

/// <summary>The extractor that turned one feature column into vectors. Predicting with the model needs the same
/// extractor (same id, version and model hash), so loading can refuse a mismatch instead of feeding it wrong features.</summary>
public sealed record ManifestExtractor(string Column, ColumnRole Modality, string Id, string Version, string ModelHash, int Dimension)
{
    /// <summary>Records that <paramref name="column"/> (of <paramref name="modality"/>) was featurised by the extractor
    /// <paramref name="signature"/> describes.</summary>
    public static ManifestExtractor From(string column, ColumnRole modality, ExtractorSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return new(column, modality, signature.Id, signature.Version, signature.ModelHash, signature.Dimension);
    }

    /// <summary>The extractor identity to compare with the extractor that prediction would use.</summary>
    public ExtractorSignature ToSignature() => new(Id, Version, ModelHash, Dimension);
}
