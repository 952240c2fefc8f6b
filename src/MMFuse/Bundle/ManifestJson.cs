using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MMFuse.Bundle;

/// <summary>How <c>model.json</c> is written and read: snake_case names and enum values, indented with "\n" on every
/// OS (the bytes must not depend on where the model was trained), and strict on read: a missing required field or a
/// null where the records allow none is an error, not a default.</summary>
internal static class ManifestJson
{
    public const string EntryName = EntryNames.Manifest;

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        // Metrics such as ROC AUC are NaN when a fold has one class; JSON has no NaN, so write it as "NaN".
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
        // Readable column names and versions ("0.1.0+abc", "größe"); the file is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static byte[] Serialize(ModelManifest manifest) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(manifest, Options) + "\n");

    /// <summary>Throws <see cref="JsonException"/> when the JSON does not describe a manifest.</summary>
    public static ModelManifest Deserialize(JsonDocument document) =>
        document.Deserialize<ModelManifest>(Options) ?? throw new JsonException("model.json holds null");
}
