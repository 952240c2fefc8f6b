namespace MMFuse.Serve.Contracts;

/// <summary>The feature extractor the model was trained with for one column.</summary>
public sealed record ExtractorDescription(string Column, string Modality, string Id, string Version, int Dimension);
