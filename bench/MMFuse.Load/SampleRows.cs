using System.Text.Json.Nodes;

namespace MMFuse.Load;

/// <summary>
/// A sample table's rows as one-row predict bodies: the columns the served model uses (from GET /v1/model), media
/// as base64 of the files the table names (relative to its folder), numbers as JSON numbers. Rows with quoted cells
/// are left out so a plain comma split reads every row kept.
/// </summary>
internal static class SampleRows
{
    public static async Task<List<string>> BodiesAsync(Uri server, string table)
    {
        using var http = new HttpClient { BaseAddress = server };
        var model = JsonNode.Parse(await http.GetStringAsync("/v1/model"))!;
        var roles = model["columns"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["role"]!.GetValue<string>());
        var folder = Path.GetDirectoryName(Path.GetFullPath(table))!;
        var lines = File.ReadAllLines(table);
        var header = lines[0].Split(',');
        var bodies = new List<string>();
        foreach (var line in lines.Skip(1).Where(l => !l.Contains('"')))
        {
            var row = new JsonObject();
            foreach (var (column, cell) in header.Zip(line.Split(',')))
            {
                if (!roles.TryGetValue(column, out var role) || cell.Length == 0)
                    continue;
                row[column] = role switch
                {
                    "image" or "audio" => Convert.ToBase64String(File.ReadAllBytes(Path.Combine(folder, cell))),
                    "numeric" => JsonNode.Parse(cell),
                    _ => cell,
                };
            }
            bodies.Add(new JsonObject { ["rows"] = new JsonArray(row) }.ToJsonString());
        }
        return bodies;
    }
}
