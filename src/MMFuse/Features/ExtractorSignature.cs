namespace MMFuse.Features;

/// <summary>What identifies an extractor's output: its id, version, the hash of its model files (empty when it
/// has none) and its vector length. It goes into every cache key and, later, into the model file.</summary>
public sealed record ExtractorSignature(string Id, string Version, string ModelHash, int Dimension);
