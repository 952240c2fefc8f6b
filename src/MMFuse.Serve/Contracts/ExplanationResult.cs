namespace MMFuse.Serve.Contracts;

/// <summary>
/// How much each modality moved one row's prediction: exact Shapley values over the modalities' presence. The
/// contributions sum to <see cref="Output"/> minus <see cref="Baseline"/>; an absent modality contributes 0.
/// </summary>
/// <param name="Explained">The class whose probability is explained (null for regression, where the value is).</param>
/// <param name="Output">The explained class's probability, or the value, for the row as given.</param>
/// <param name="Baseline">The same with every modality absent.</param>
/// <param name="Contributions">Modality → contribution, in block order.</param>
public sealed record ExplanationResult(string? Explained, double Output, double Baseline, IReadOnlyDictionary<string, double> Contributions);
