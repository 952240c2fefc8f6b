using MMFuse.Fusion.Explanation;

namespace MMFuse;

/// <summary>One row's prediction: the class (classification) or value (regression), the probabilities, the modalities it lacked, and the contributions when asked.</summary>
public sealed record Prediction(string Id, string? Label, double? Value, IReadOnlyDictionary<string, double>? Probabilities,
    IReadOnlyList<string> Absent, ModalityExplanation? Explanation);
