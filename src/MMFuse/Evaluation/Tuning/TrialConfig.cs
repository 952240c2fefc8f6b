namespace MMFuse.Evaluation.Tuning;

/// <summary>
/// One configuration of a search space: sampled values by setting name and, where the text columns have both
/// feature blocks, the text features to use. Trial 0 is the untuned defaults (no values).
/// </summary>
/// <param name="Id">The trial's number in sampling order.</param>
/// <param name="Values">Sampled value per setting name; settings not named keep the strategy's own options.</param>
/// <param name="TextFeatures"><c>minilm</c>, <c>tfidf</c> or <c>minilm+tfidf</c>; null keeps the blocks as extracted.</param>
public sealed record TrialConfig(int Id, IReadOnlyDictionary<string, double> Values, string? TextFeatures = null)
{
    /// <summary>The configuration as the reports show it, by setting name (values formatted by their hyperparameters).</summary>
    public IReadOnlyDictionary<string, string> Describe(IReadOnlyList<Hyperparameter> dimensions)
    {
        var shown = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Values)
            shown[name] = dimensions.FirstOrDefault(d => d.Name == name)?.Format(value) ?? value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (TextFeatures is not null)
            shown["text_features"] = TextFeatures;
        return shown;
    }
}
