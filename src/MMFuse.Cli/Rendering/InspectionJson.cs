using System.Text.Json;
using System.Text.Json.Nodes;
using MMFuse.Data;

namespace MMFuse.Cli.Rendering;

/// <summary>The JSON form of an inspection: rows, columns (name, role, missing, distinct, ...) and the label.</summary>
internal static class InspectionJson
{
    public static JsonObject Build(InspectionResult result)
    {
        var columns = new JsonArray();
        foreach (var column in result.Schema.Columns)
        {
            var stats = result.Columns[column.Index];
            columns.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["role"] = column.Role.Name(),
                ["missing"] = stats.Missing,
                ["distinct"] = stats.Distinct,
                ["invalid"] = result.InvalidCells.GetValueOrDefault(column.Name),
                ["example"] = stats.Example,
                ["reason"] = CliFlags.Map(column.Reason),
            });
        }
        var json = new JsonObject
        {
            ["manifest"] = result.Manifest.Path,
            ["format"] = result.Manifest.Format.ToString().ToLowerInvariant(),
            ["rows"] = result.RowsKept,
            ["rows_read"] = result.RowsRead,
            ["rows_skipped"] = result.RowsSkipped,
            ["columns"] = columns,
            ["label"] = result.Label is null ? null : Label(result.Label),
            ["warnings"] = DataWarningsOutput.Json(result),
        };
        return json;
    }

    private static JsonObject Label(LabelSummary label)
    {
        var json = new JsonObject { ["name"] = label.Name, ["task"] = label.Task.ToString().ToLowerInvariant() };
        if (label.Task == TaskKind.Regression)
        {
            json["min"] = label.Min;
            json["max"] = label.Max;
            json["mean"] = label.Mean;
        }
        else
        {
            var classes = new JsonObject();
            foreach (var (name, count) in label.Classes)
                classes[name] = count;
            json["classes"] = classes;
        }
        return json;
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
