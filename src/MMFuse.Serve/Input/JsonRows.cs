using System.Globalization;
using System.Text.Json;
using MMFuse.Data;
using Microsoft.AspNetCore.Http;

namespace MMFuse.Serve.Input;

/// <summary>
/// Reads <c>{"rows": [{column: value, ...}, ...]}</c> into rows for the model. Media are base64 text, or
/// <c>{"path": "..."}</c> for a file under <c>--allow-paths</c>; numbers keep their JSON text, so they are parsed
/// exactly as the same number in a CSV cell would be; an empty string or null is an absent value, as an empty cell is.
/// Every refusal names the row index and column and never repeats the value.
/// </summary>
internal static class JsonRows
{
    private static readonly JsonDocumentOptions Reading = new() { MaxDepth = 8 };

    public static async Task<List<MultimodalRow>> ReadAsync(HttpRequest request, IReadOnlyDictionary<string, ColumnRole> roles, int maxRows,
        CancellationToken cancel)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, Reading, cancel);
        }
        catch (JsonException ex)
        {
            // The parser's position, not its text: the message must not echo what was sent.
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}" : "";
            throw new RequestProblemException(StatusCodes.Status400BadRequest, "Malformed JSON", $"the body is not valid JSON{where}");
        }
        using (document)
            return Rows(document.RootElement, roles, maxRows);
    }

    private static List<MultimodalRow> Rows(JsonElement root, IReadOnlyDictionary<string, ColumnRole> roles, int maxRows)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
            throw Shape("the body must be an object with a \"rows\" array");
        foreach (var property in root.EnumerateObject())
            if (property.Name != "rows")
                throw Shape($"unknown property '{Clip(property.Name)}' beside \"rows\"");
        var count = rows.GetArrayLength();
        if (count == 0)
            throw Shape("\"rows\" is empty");
        if (count > maxRows)
            throw Shape($"{count} rows in one request, above the limit of {maxRows}");
        var result = new List<MultimodalRow>(count);
        var r = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object)
                throw RowProblem.At(r, $"a row is a JSON object of column → value, not {Kind(row)}");
            result.Add(Row(r++, row, roles));
        }
        return result;
    }

    private static MultimodalRow Row(int r, JsonElement row, IReadOnlyDictionary<string, ColumnRole> roles)
    {
        var id = roles.ContainsKey("id") || !row.TryGetProperty("id", out var given) ? null : Id(r, given);
        var result = new MultimodalRow(id ?? r.ToString(CultureInfo.InvariantCulture));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in row.EnumerateObject())
        {
            var column = property.Name;
            if (column == "id" && !roles.ContainsKey("id"))
                continue;
            if (!roles.TryGetValue(column, out var role))
                throw RowProblem.Unknown(r, Clip(column), roles.Keys);
            if (!seen.Add(column))
                throw RowProblem.At(r, column, "the column is given twice");
            result[column] = Value(r, column, role, property.Value);
        }
        return RowProblem.NotEmpty(r, result);
    }

    private static object? Value(int r, string column, ColumnRole role, JsonElement value)
    {
        if (role is ColumnRole.Image or ColumnRole.Audio)
            return value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String when value.GetString() is "" => null,
                JsonValueKind.String => value.TryGetBytesFromBase64(out var bytes) ? bytes
                    : throw RowProblem.At(r, column, $"the {role.Name()} is not valid base64"),
                JsonValueKind.Object when value.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String
                    && value.EnumerateObject().Count() == 1 => path.GetString(),
                _ => throw RowProblem.At(r, column, $"a {role.Name()} is given as base64 text or {{\"path\": \"...\"}}, not {Kind(value)}"),
            };
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw RowProblem.At(r, column, $"a {role.Name()} value is given as a string or number, not {Kind(value)}"),
        };
    }

    private static string Id(int r, JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.String => id.GetString()!,
        JsonValueKind.Number => id.GetRawText(),
        _ => throw RowProblem.At(r, "id", $"an id is a string or number, not {Kind(id)}"),
    };

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>A client-chosen name is shown only in part, so a huge key cannot make a huge error.</summary>
    internal static string Clip(string name) => name.Length <= 64 ? name : name[..64] + "…";

    private static RequestProblemException Shape(string detail) =>
        new(StatusCodes.Status400BadRequest, "Invalid request", detail);
}
