namespace MMFuse.Features.Text;

/// <summary>
/// Fits tf-idf vocabulary and idf weights. Fit on the training rows of a fold only: a term seen only in
/// evaluation rows must get no column, or the evaluation would leak into the features.
/// </summary>
public static class TfidfFeaturizer
{
    /// <summary>The extractor id of tf-idf blocks.</summary>
    public const string ExtractorId = "tfidf";

    /// <summary>Fits vocabulary and idf on <paramref name="trainTexts"/> (non-blank); the result transforms any
    /// texts.</summary>
    public static TfidfModel Fit(IReadOnlyList<string> trainTexts, TfidfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trainTexts);
        options ??= new TfidfOptions();
        options.Validate();
        if (trainTexts.Count == 0)
            throw new ArgumentException("Cannot fit tf-idf on no texts.", nameof(trainTexts));

        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < trainTexts.Count; i++)
        {
            TfidfModel.CheckText(trainTexts[i], i, nameof(trainTexts));
            foreach (var term in TfidfAnalyzer.Terms(trainTexts[i], options).Distinct(StringComparer.Ordinal))
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        }

        // Keep the terms in most documents (ties by term, so the choice is deterministic), then order
        // columns by term as scikit-learn does.
        var kept = documentFrequency
            .Where(kv => kv.Value >= options.MinDf)
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(options.MaxFeatures)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToArray();
        if (kept.Length == 0)
            throw new InvalidOperationException(
                $"No term occurs in at least {options.MinDf} of the {trainTexts.Count} training texts; lower MinDf.");

        // scikit-learn's smooth_idf: as if one extra document contained every term once.
        var n = trainTexts.Count;
        var idf = kept.Select(kv => Math.Log((1.0 + n) / (1.0 + kv.Value)) + 1.0).ToArray();
        return new TfidfModel(options, kept.Select(kv => kv.Key).ToArray(), idf);
    }
}
