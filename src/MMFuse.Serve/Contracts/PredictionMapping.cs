namespace MMFuse.Serve.Contracts;

/// <summary>The library's <see cref="Prediction"/> as the API returns it.</summary>
internal static class PredictionMapping
{
    public static PredictionResult ToResult(Prediction prediction, IReadOnlyList<string> classes)
    {
        ExplanationResult? explanation = null;
        if (prediction.Explanation is { } e)
            explanation = new ExplanationResult(classes.Count > 0 ? classes[e.Output] : null, e.Prediction, e.Baseline,
                e.Contributions.ToDictionary(c => c.Key, c => c.Value));
        return new PredictionResult(prediction.Id, prediction.Label, prediction.Value, prediction.Probabilities, prediction.Absent, explanation);
    }
}
