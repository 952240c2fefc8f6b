using System.Globalization;
using System.Text.Json.Nodes;
using MMFuse.Evaluation;
using Spectre.Console;

namespace MMFuse.Cli.Rendering;

/// <summary>Scores by the modalities a test row had, under <c>--test-missing</c>.</summary>
internal static class PresenceView
{
    public static void Render(IAnsiConsole console, CrossValidationResult result, TestTimeMissing missing)
    {
        if (result.Subsets is not { } subsets)
            return;
        var shares = string.Join(", ", missing.Shares.Select(kv => $"{(kv.Key == TestTimeMissing.Every ? "every modality" : kv.Key)} {kv.Value:P0}"));
        console.MarkupLine($"[bold]{Markup.Escape(result.Strategy)}[/] with test rows' modalities blanked ({Markup.Escape(shares)}):");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("modalities present").AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn(new TableColumn(subsets.FirstOrDefault()?.Metric ?? "metric").RightAligned());
        foreach (var s in subsets)
            table.AddRow(Markup.Escape(s.Subset), s.Rows.ToString("N0", CultureInfo.InvariantCulture), s.Value.ToString("F4", CultureInfo.InvariantCulture));
        console.Write(table);
    }

    public static JsonArray? Json(CrossValidationResult result) => result.Subsets is not { } subsets ? null : new JsonArray(subsets
        .Select(s => (JsonNode?)new JsonObject { ["subset"] = s.Subset, ["rows"] = s.Rows, ["metric"] = s.Metric, ["value"] = EvaluationView.Number(s.Value) })
        .ToArray());
}
