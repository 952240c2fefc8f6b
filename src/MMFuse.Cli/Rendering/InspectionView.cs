using System.Globalization;
using MMFuse.Data;
using Spectre.Console;

namespace MMFuse.Cli.Rendering;

/// <summary>Shows an inspection as tables: one row per column, then the label distribution.</summary>
internal static class InspectionView
{
    private const int ExampleWidth = 40;
    private const int MaxClassesShown = 30;

    public static void Render(IAnsiConsole console, InspectionResult result)
    {
        var skipped = result.RowsSkipped > 0 ? $", {result.RowsSkipped} skipped" : "";
        console.Write(new Rule($"[bold]{Markup.Escape(Path.GetFileName(result.Manifest.Path))}[/]: {result.RowsKept} rows{skipped}").LeftJustified());
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("column").AddColumn("role").AddColumn(new TableColumn("missing").RightAligned())
            .AddColumn(new TableColumn("distinct").RightAligned()).AddColumn("example").AddColumn("why");
        foreach (var column in result.Schema.Columns)
        {
            var stats = result.Columns[column.Index];
            table.AddRow(
                Markup.Escape(column.Name),
                $"[{RoleColour(column.Role)}]{column.Role.Name()}[/]",
                Count(stats.Missing),
                Count(stats.Distinct),
                Markup.Escape(Shorten(stats.Example ?? "")),
                Markup.Escape(CliFlags.Map(column.Reason)));
        }
        console.Write(table);
        if (result.Label is { } label)
            RenderLabel(console, label);
    }

    private static void RenderLabel(IAnsiConsole console, LabelSummary label)
    {
        if (label.Task == TaskKind.Regression)
        {
            console.MarkupLine(CultureInfo.InvariantCulture,
                $"label [bold]{Markup.Escape(label.Name)}[/]: regression, from {label.Min:G4} to {label.Max:G4}, mean {label.Mean:G4}");
            return;
        }
        console.MarkupLine($"label [bold]{Markup.Escape(label.Name)}[/]: {label.Task.ToString().ToLowerInvariant()}, {label.Classes.Count} classes");
        var chart = new BarChart().Width(Math.Min(80, console.Profile.Width));
        foreach (var (name, count) in label.Classes.OrderByDescending(c => c.Value).Take(MaxClassesShown))
            chart.AddItem(Markup.Escape(Shorten(name)), count, Color.SteelBlue);
        console.Write(chart);
        if (label.Classes.Count > MaxClassesShown)
            console.MarkupLine($"[grey]... and {label.Classes.Count - MaxClassesShown} smaller classes (all are in --json)[/]");
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= ExampleWidth ? line : line[..(ExampleWidth - 1)] + "…";
    }

    private static string RoleColour(ColumnRole role) => role switch
    {
        ColumnRole.Label => "bold yellow",
        ColumnRole.Image => "green",
        ColumnRole.Audio => "aqua",
        ColumnRole.Text => "blue",
        ColumnRole.Numeric => "fuchsia",
        ColumnRole.Categorical => "purple",
        ColumnRole.Ignore => "grey",
        _ => "default",
    };
}
