namespace MMFuse.Serve.Contracts;

/// <summary>One row's prediction.</summary>
/// <param name="Id">The row's id: the one given, else its index in the request.</param>
/// <param name="Prediction">The predicted class (classification).</param>
/// <param name="Value">The predicted value (regression).</param>
/// <param name="Probabilities">Class → probability, in class order (classification).</param>
/// <param name="Absent">The modalities the row lacked, handled as in training.</param>
/// <param name="Explanation">Each modality's contribution (POST /v1/explain only).</param>
public sealed record PredictionResult(string Id, string? Prediction, double? Value, IReadOnlyDictionary<string, double>? Probabilities,
    IReadOnlyList<string> Absent, ExplanationResult? Explanation);
