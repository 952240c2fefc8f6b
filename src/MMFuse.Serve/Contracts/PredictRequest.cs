using System.Text.Json;

namespace MMFuse.Serve.Contracts;

/// <summary>
/// POST /v1/predict and /v1/explain as JSON: rows of column → value. Images and audio are base64 text (or
/// <c>{"path": "..."}</c> under <c>--allow-paths</c>), text a string, numbers JSON numbers; a column left out or null
/// is an absent modality. An optional <c>id</c> names the row in the answer. (Documents the body for OpenAPI; the
/// server reads it itself so every mistake is answered with the row and column at fault.)
/// </summary>
public sealed record PredictRequest(IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Rows);
