using System.Globalization;
using System.Text.Json.Nodes;
using MMFuse.Data;

namespace MMFuse.Tests.Serve;

/// <summary>Sample rows as the JSON body of POST /v1/predict: media as base64 of the very files the table names, numbers as JSON numbers.</summary>
internal static class JsonRowsFrom
{
    public static JsonObject Body(IEnumerable<Dictionary<string, string>> rows, IReadOnlyDictionary<string, ColumnRole> roles) =>
        new() { ["rows"] = new JsonArray(rows.Select(r => (JsonNode)Row(r, roles)).ToArray()) };

    /// <summary>One row; an empty cell is left out (an absent value, as in the table).</summary>
    public static JsonObject Row(Dictionary<string, string> cells, IReadOnlyDictionary<string, ColumnRole> roles)
    {
        var row = new JsonObject { ["id"] = cells["id"] };
        foreach (var (column, role) in roles)
        {
            if (!cells.TryGetValue(column, out var cell) || cell.Length == 0)
                continue;
            row[column] = role switch
            {
                ColumnRole.Image or ColumnRole.Audio => Convert.ToBase64String(File.ReadAllBytes(cell)),
                ColumnRole.Numeric => JsonValue.Create(double.Parse(cell, CultureInfo.InvariantCulture)),
                _ => cell,
            };
        }
        return row;
    }

    /// <summary>The columns and roles the model file expects.</summary>
    public static IReadOnlyDictionary<string, ColumnRole> Roles(string model)
    {
        using var loaded = MultimodalModel.Load(model);
        return loaded.Roles;
    }
}
