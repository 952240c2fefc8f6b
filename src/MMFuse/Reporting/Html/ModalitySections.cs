using static MMFuse.Reporting.Html.HtmlBuilder;

namespace MMFuse.Reporting.Html;

/// <summary>How the model depends on each modality: ablation reliance and degradation curves.</summary>
internal static class ModalitySections
{
    public static void Contribution(HtmlBuilder page, ReportPlots plots, ReportContribution? contribution)
    {
        if (contribution is null || contribution.Modalities.Length == 0)
        {
            page.Unavailable();
            return;
        }
        var rows = contribution.Modalities;
        var plot = plots.Bars([.. rows.Select(r => r.Modality)], [.. rows.Select(r => r.Reliance)], "reliance");
        page.Figure("modality-contribution", plot, "Reliance per modality",
            "Reliance: how much the metric depends on the modality (negative: the model does better without it).");
        page.BeginTable(null, "modality", $"{contribution.Metric} (all)", $"{contribution.Metric} without it", "reliance");
        foreach (var r in rows)
            page.RowHtml(Escape(r.Modality), $"<td class=\"n\">{Num(r.Full)}</td>", $"<td class=\"n\">{Num(r.Ablated)}</td>", $"<td class=\"n\">{Num(r.Reliance)}</td>");
        page.EndTable();
    }

    public static void Robustness(HtmlBuilder page, ReportPlots plots, ReportRobustness? robustness)
    {
        if (robustness is null || robustness.Curves.Length == 0)
        {
            page.Unavailable();
            return;
        }
        page.BeginGrid();
        foreach (var curve in robustness.Curves)
        {
            Validate(curve);
            var series = new List<ReportPlots.Series> { new("model", curve.X, curve.Values) };
            if (curve.Reference is not null)
                series.Add(new(curve.ReferenceName ?? "reference", curve.X, curve.Reference, ReportPlots.ReferenceColor, Dashed: true));
            var plot = plots.Lines(series, curve.XAxis, robustness.Metric, curve.XLabels, curve.XLabels is null ? null : curve.X);

            var caption = $"<b>{Escape(curve.Modality)}</b>: AUC {Num(curve.Auc)}";
            if (curve.EffectiveRobustnessGap is double gap)
                caption += $", effective robustness vs {Escape(curve.ReferenceName ?? "reference")} {(gap >= 0 ? "+" : "")}{Num(gap)}";
            page.Figure("robustness-" + curve.Modality, plot, $"{robustness.Metric} as {curve.Modality} degrades", caption + ".");
        }
        page.EndGrid();
    }

    private static void Validate(ReportRobustnessCurve curve)
    {
        int n = curve.X.Length;
        if (curve.Values.Length != n || curve.Reference is { } r && r.Length != n || curve.XLabels is { } l && l.Length != n)
            throw new ArgumentException($"Robustness curve '{curve.Modality}': X, Values, Reference and XLabels must have the same length ({n}).");
    }
}
