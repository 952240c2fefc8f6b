namespace MMFuse.Bundle;

/// <summary>A binary entry of the model file: its entry name, what kind of content it holds (a predictor kind such
/// as <c>torch-mlp</c>, or e.g. <c>tfidf-vocabulary</c>), its lower-case hex SHA-256 and its uncompressed length.</summary>
public sealed record PayloadEntry(string Name, string Kind, string Sha256, long Bytes);
