using System.Globalization;
using System.Text.Json.Nodes;
using MMFuse.Data;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;
using Spectre.Console;

namespace MMFuse.Cli.Rendering;

/// <summary>Shows what extraction did per column, and its JSON form.</summary>
internal static class ExtractionView
{
    public static void Render(IAnsiConsole console, IReadOnlyList<ColumnExtraction> results, string cacheFolder)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("column").AddColumn("modality").AddColumn("extractor").AddColumn(new TableColumn("dim").RightAligned())
            .AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("present").RightAligned())
            .AddColumn(new TableColumn("cache hits").RightAligned()).AddColumn(new TableColumn("computed").RightAligned())
            .AddColumn(new TableColumn("failed").RightAligned()).AddColumn(new TableColumn("items/s").RightAligned())
            .AddColumn(new TableColumn("seconds").RightAligned());
        foreach (var (column, _, report) in results)
            table.AddRow(Markup.Escape(column.Name), column.Role.Name(), Markup.Escape(report.Extractor.Id), N(report.Extractor.Dimension),
                N(report.Items), N(report.Present), N(report.CacheHits), N(report.Computed), N(report.Failures.Count),
                report.ItemsPerSecond.ToString("F0", CultureInfo.InvariantCulture), report.Seconds.ToString("F2", CultureInfo.InvariantCulture));
        console.Write(table);
        console.MarkupLine($"[grey]feature cache: {Markup.Escape(cacheFolder)}[/]");
    }

    public static JsonObject Json(FeatureTable table, IReadOnlyList<ColumnExtraction> results, int rowsKept, string cacheFolder)
    {
        var columns = new JsonArray();
        foreach (var (column, _, report) in results)
            columns.Add(new JsonObject
            {
                ["column"] = column.Name,
                ["modality"] = column.Role.Name(),
                ["extractor"] = report.Extractor.Id,
                ["version"] = report.Extractor.Version,
                ["model_hash"] = report.Extractor.ModelHash,
                ["dimension"] = report.Extractor.Dimension,
                ["items"] = report.Items,
                ["present"] = report.Present,
                ["cache_hits"] = report.CacheHits,
                ["computed"] = report.Computed,
                ["failures"] = report.Failures.Count,
                ["items_per_second"] = Math.Round(report.ItemsPerSecond, 2),
                ["seconds"] = Math.Round(report.Seconds, 3),
            });
        return new JsonObject
        {
            ["manifest"] = table.Inspection.Manifest.Path,
            ["rows_read"] = table.Inspection.RowsRead,
            ["rows"] = rowsKept,
            ["rows_skipped"] = table.Inspection.RowsRead - rowsKept,
            ["cache"] = cacheFolder,
            ["columns"] = columns,
            ["warnings"] = DataWarningsOutput.Json(table.Inspection),
        };
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
