namespace MMFuse.Fusion.Explanation;

/// <summary>
/// How much each modality moved one row's prediction: exact Shapley values over the modalities' presence, for
/// <see cref="Output"/> (the predicted class's probability, or the regression value). <see cref="Baseline"/> is the
/// prediction with every modality absent and <see cref="Prediction"/> the one with the row as it is, so the
/// contributions sum to <c>Prediction − Baseline</c>. A modality absent from the row contributes 0.
/// </summary>
/// <param name="Output">The class index explained (0 for regression).</param>
/// <param name="Prediction">The explained output with the row as it is.</param>
/// <param name="Baseline">The explained output with every modality absent.</param>
/// <param name="Contributions">Modality name → Shapley value, in block order.</param>
public sealed record ModalityExplanation(int Output, double Prediction, double Baseline, IReadOnlyList<KeyValuePair<string, double>> Contributions);
