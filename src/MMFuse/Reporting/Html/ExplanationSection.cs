using static MMFuse.Reporting.Html.HtmlBuilder;

namespace MMFuse.Reporting.Html;

/// <summary>
/// Which modality carries which class: per true class, the mean contribution of each modality to the predicted
/// class's probability (exact Shapley values over the modalities' presence, out of fold). A cell is shaded by its
/// size; a negative mean means the modality on average pulled toward another class.
/// </summary>
internal static class ExplanationSection
{
    public static void Render(HtmlBuilder page, ReportExplanations? explanations)
    {
        if (explanations is null)
        {
            // Computed for classification with 2 to 10 modalities.
            page.Unavailable();
            return;
        }
        page.Paragraph("Mean contribution of each modality to the predicted class's probability, per true class (exact Shapley values " +
            "over the modalities' presence, computed with each fold's model on its test rows; contributions sum to the prediction minus " +
            "the prediction with every modality absent). The confidently wrong rows below list their own.");
        page.BeginTable(null, ["class", "rows", .. explanations.Modalities]);
        foreach (var row in explanations.Classes.Where(c => c.Rows > 0))
            page.RowHtml([Escape(row.Class), row.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. row.MeanContributions.Select(Cell)]);
        page.EndTable();
    }

    private static string Cell(double value)
    {
        var shade = Math.Clamp(Math.Abs(value), 0, 1);
        var colour = value >= 0 ? $"rgba(46,125,50,{Num(shade * 0.6, 2)})" : $"rgba(198,40,40,{Num(shade * 0.6, 2)})";
        return $"<span style=\"background:{colour};padding:0 .3em\">{(value >= 0 ? "+" : "")}{Num(value, 3)}</span>";
    }
}
