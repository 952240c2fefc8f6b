using System.Text.Json;
using System.Text.Json.Serialization;

namespace MMFuse.Evaluation.Analysis;

/// <summary>JSON of the analysis records: snake_case names; NaN (an undefined ROC AUC) written as "NaN".</summary>
public static class AnalysisJson
{
    /// <summary>The serializer settings: snake_case property names, dictionary keys as given, NaN as a string,
    /// indented.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };

    /// <summary><paramref name="value"/> as indented snake_case JSON.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads JSON written by <see cref="Serialize"/>; throws <see cref="JsonException"/> when it holds null or
    /// does not fit <typeparamref name="T"/>.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty JSON for {typeof(T).Name}.");
}
