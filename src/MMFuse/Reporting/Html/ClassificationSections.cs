using static MMFuse.Reporting.Html.HtmlBuilder;

namespace MMFuse.Reporting.Html;

/// <summary>Sections that only make sense for classification: confusion matrix, per-class F1, calibration.</summary>
internal static class ClassificationSections
{
    /// <summary>
    /// An HTML table with coloured cells rather than a heatmap image: the counts stay readable text at any size,
    /// and the table scrolls sideways on a phone instead of shrinking ten classes into illegibility.
    /// Colour is the share of the true class's rows (recall on the diagonal, blue; confusions red).
    /// </summary>
    public static void Confusion(HtmlBuilder page, ReportConfusion? confusion)
    {
        if (confusion is null)
        {
            page.Unavailable();
            return;
        }
        int k = confusion.Classes.Length;
        if (confusion.Counts.Length != k || confusion.Counts.Any(r => r.Length != k))
            throw new ArgumentException($"Confusion matrix must be {k}x{k} to match its {k} class names.", nameof(confusion));

        page.Raw("<div class=\"scroll\"><table class=\"cm\" data-plot=\"confusion\"><thead><tr><th class=\"axis\">true ↓<br>predicted →</th>");
        foreach (var c in confusion.Classes)
            page.Raw($"<th>{Escape(c)}</th>");
        page.Raw("<th class=\"axis\">rows</th></tr></thead><tbody>\n");
        for (int t = 0; t < k; t++)
        {
            var row = confusion.Counts[t];
            long total = row.Sum(v => (long)v);
            page.Raw($"<tr><th class=\"true\">{Escape(confusion.Classes[t])}</th>");
            for (int p = 0; p < k; p++)
            {
                double share = total > 0 ? (double)row[p] / total : 0;
                string rgb = p == t ? "31,119,180" : "192,57,43";
                string dark = share > 0.55 ? " class=\"dark\"" : "";
                string title = $"true {confusion.Classes[t]}, predicted {confusion.Classes[p]}: {row[p]} ({Percent(share)})";
                page.Raw($"<td{dark} style=\"background:rgba({rgb},{Css(share)})\" title=\"{Escape(title)}\">{row[p]}</td>");
            }
            page.Raw($"<td class=\"n axis\">{total}</td></tr>\n");
        }
        page.Raw("</tbody></table></div>\n");
        page.Paragraph("Rows are true classes, columns predicted ones; shading is the share of the row.", "note");
    }

    public static void PerClassF1(HtmlBuilder page, ReportPlots plots, ReportClassScore[]? scores)
    {
        if (scores is null || scores.Length == 0)
        {
            page.Unavailable();
            return;
        }
        var labels = scores.Select(s => s.Support is int n ? $"{s.Class} (n={n})" : s.Class).ToArray();
        var plot = plots.Bars(labels, [.. scores.Select(s => s.F1)], "F1", fixedMax: 1);
        var worst = scores.MinBy(s => s.F1)!;
        page.Figure("per-class-f1", plot, "F1 per class", $"Weakest class: <b>{Escape(worst.Class)}</b> (F1 {Num(worst.F1)}).");
    }

    public static void Reliability(HtmlBuilder page, ReportPlots plots, ReportReliability? reliability)
    {
        if (reliability is null || reliability.Bins.Length == 0)
        {
            page.Unavailable();
            return;
        }
        var plot = plots.Reliability(reliability.Bins);
        page.Figure("reliability", plot, "Reliability diagram",
            $"Expected calibration error (ECE): <b>{Num(reliability.Ece)}</b>. Points below the diagonal are over-confident; marker size follows the number of rows in the bin.");
    }
}
