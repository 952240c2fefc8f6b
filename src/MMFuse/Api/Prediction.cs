using MMFuse.Fusion.Explanation;

namespace MMFuse;

/// <summary>One row's prediction: the class (classification) or value (regression), the probabilities, the modalities it
/// lacked, and the contributions when asked. Multilabel: <see cref="Labels"/> is the predicted set, <c>Label</c> the set
/// joined by the training separator and <c>Probabilities</c> one probability per label.</summary>
public sealed record Prediction(string Id, string? Label, double? Value, IReadOnlyDictionary<string, double>? Probabilities,
    IReadOnlyList<string> Absent, ModalityExplanation? Explanation)
{
    /// <summary>The conformal prediction set (classes, most probable first) when the model was trained with a coverage; else null.</summary>
    public IReadOnlyList<string>? Set { get; init; }

    /// <summary>Multilabel: the labels whose probability clears their tuned threshold, in label order; null otherwise.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>The conformal interval (regression) when the model was trained with a coverage; else null.</summary>
    public (double Lower, double Upper)? Interval { get; init; }
}
