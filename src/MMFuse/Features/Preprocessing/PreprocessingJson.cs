using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MMFuse.Features.Preprocessing;

/// <summary>The one JSON setup of every fitted preprocessor, so a stored model reads back exactly.</summary>
internal static class PreprocessingJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Doubles are written shortest-round-trip and read back to the same bits; no "NaN" strings.
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static JsonNode ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options)!;

    public static T FromNode<T>(JsonNode? node, string what)
    {
        ArgumentNullException.ThrowIfNull(node);
        try
        {
            return node.Deserialize<T>(Options) ?? throw new InvalidDataException($"The stored {what} is null.");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or NotSupportedException)
        {
            throw new InvalidDataException($"The stored {what} is invalid: {ex.Message}", ex);
        }
    }
}
