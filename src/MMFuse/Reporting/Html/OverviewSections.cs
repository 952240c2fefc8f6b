using static MMFuse.Reporting.Html.HtmlBuilder;

namespace MMFuse.Reporting.Html;

/// <summary>The dataset summary and the leaderboard: what went in and how each strategy did.</summary>
internal static class OverviewSections
{
    public static void Dataset(HtmlBuilder page, ReportDataset? dataset)
    {
        if (dataset is null)
        {
            page.Unavailable();
            return;
        }
        page.Raw("<div class=\"facts\">");
        Fact(page, Escape(dataset.ManifestName), "manifest");
        Fact(page, dataset.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture), "rows");
        Fact(page, dataset.Columns.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), "columns");
        if (dataset.ClassBalance is { Length: > 0 } classes)
            Fact(page, classes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), "classes");
        page.Raw("</div>\n");

        if (dataset.Warnings is { Length: > 0 } warnings)
        {
            page.Heading("Data warnings");
            page.Paragraph("These columns can make the scores below better than they will be on new data.", "warn");
            page.BeginTable(null, "warning");
            foreach (var warning in warnings)
                page.RowHtml(Escape(warning));
            page.EndTable();
        }

        page.Heading("Columns");
        page.BeginTable(null, "column", "role");
        foreach (var column in dataset.Columns)
            page.RowHtml(Escape(column.Name), $"<span class=\"tag\">{Escape(column.Role)}</span>");
        page.EndTable();

        page.Heading("Missing values per modality");
        if (dataset.MissingPerModality.Length == 0)
            page.Paragraph("No modality columns.", "na");
        else
            CountTable(page, "modality", dataset.MissingPerModality, dataset.Rows, "bar miss");

        if (dataset.ClassBalance is { Length: > 0 } balance)
        {
            page.Heading("Class balance");
            CountTable(page, "class", balance, dataset.Rows, "bar");
        }
    }

    public static void Leaderboard(HtmlBuilder page, ReportLeaderboard? board)
    {
        if (board is null || board.Rows.Length == 0)
        {
            page.Unavailable();
            return;
        }
        if (!string.IsNullOrWhiteSpace(board.Verdict))
            page.Paragraph(board.Verdict, "verdict");

        // Metric columns in order of first appearance, so rows missing a metric still line up.
        var metrics = board.Rows.SelectMany(r => r.Metrics.Select(m => m.Name)).Distinct(StringComparer.Ordinal).ToArray();
        page.BeginTable("leaderboard", ["#", "strategy", "fusion", "modalities", .. metrics, "seconds"]);
        for (int i = 0; i < board.Rows.Length; i++)
        {
            var row = board.Rows[i];
            var cells = new List<string>
            {
                $"<td class=\"n\">{i + 1}</td>",
                $"<b>{Escape(row.Strategy)}</b>",
                Escape(row.Fusion),
                string.Concat(row.Modalities.Select(m => $"<span class=\"tag\">{Escape(m)}</span>")),
            };
            foreach (var name in metrics)
            {
                var m = row.Metrics.FirstOrDefault(x => x.Name == name);
                cells.Add(m is null
                    ? "<td class=\"n\">–</td>"
                    : $"<td class=\"n\">{Num(m.Mean)} ± {Num(m.Std)}<span class=\"ci\">95 % [{Num(m.Low)}, {Num(m.High)}]</span></td>");
            }
            cells.Add($"<td class=\"n\">{Num(row.Seconds, 1)}</td>");
            page.ClassedRowHtml(i == 0 ? "best" : null, [.. cells]);
        }
        page.EndTable();
        page.Paragraph("Mean ± standard deviation over folds; the 95 % interval is below each score. Best first.", "note");
        if (!string.IsNullOrWhiteSpace(board.Weighting))
            page.Paragraph(board.Weighting, "note weighting");
        if (!string.IsNullOrWhiteSpace(board.Selection))
            page.Paragraph(board.Selection, "verdict");
    }

    private static void Fact(HtmlBuilder page, string valueHtml, string label) =>
        page.Raw($"<div><b>{valueHtml}</b><span>{Escape(label)}</span></div>");

    /// <summary>Counts with their share of all rows and a CSS bar (no image needed for a one-dimensional bar).</summary>
    private static void CountTable(HtmlBuilder page, string nameHeader, ReportCount[] counts, int rows, string barClass)
    {
        page.BeginTable(null, nameHeader, "rows", "share");
        int most = Math.Max(1, counts.Max(c => c.Count));
        foreach (var c in counts)
        {
            double share = rows > 0 ? (double)c.Count / rows : double.NaN;
            string bar = $"<span class=\"{barClass}\" style=\"width:{Css(90.0 * c.Count / most)}px\"></span>";
            page.RowHtml(Escape(c.Name), $"<td class=\"n\">{c.Count}</td>", $"<td class=\"share\">{bar}{Percent(share)}</td>");
        }
        page.EndTable();
    }
}
