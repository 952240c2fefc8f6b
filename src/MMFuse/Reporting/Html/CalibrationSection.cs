using static MMFuse.Reporting.Html.HtmlBuilder;

namespace MMFuse.Reporting.Html;

/// <summary>
/// What recalibration and conformal prediction did under cross-validation: ECE and log loss before and after, and
/// the empirical coverage with the mean set size (or interval width), per fold and on average. Only written when the
/// run asked for them; the reliability diagram above shows the model before recalibration.
/// </summary>
internal static class CalibrationSection
{
    public static void Render(HtmlBuilder page, ReportCalibration calibration)
    {
        page.Heading("Recalibration and conformal prediction");
        if (calibration.Note is not null || calibration.Folds.Length == 0)
        {
            page.Paragraph(calibration.Note ?? "Nothing could be measured for this run.", "na");
            return;
        }
        var conformal = calibration.TargetCoverage is { } target
            ? $" Conformal {(calibration.Regression ? "intervals" : "sets")} target a coverage of <b>{Num(target, 2)}</b>."
            : "";
        page.ParagraphHtml($"Calibrator: <b>{Escape(calibration.Method)}</b>, fitted for each test fold on the other folds' out-of-fold " +
            $"predictions (cross-fitting), so no fold's own labels tune what is measured on it.{conformal}");
        var size = calibration.Regression ? "mean width" : "mean set size";
        string[] headers = calibration.Regression
            ? ["fold", "coverage", size]
            : ["fold", "ECE before", "ECE after", "log loss before", "log loss after", "coverage", size];
        page.BeginTable(null, headers);
        for (var f = 0; f < calibration.Folds.Length; f++)
            page.RowHtml(Cells((f + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), calibration.Folds[f], calibration.Regression));
        page.ClassedRowHtml("mean", Cells("<b>mean</b>", Mean(calibration.Folds), calibration.Regression));
        page.EndTable();
    }

    private static string[] Cells(string label, ReportCalibrationFold f, bool regression) => regression
        ? [label, Value(f.Coverage), Value(f.MeanSetSize)]
        : [label, Value(f.EceBefore), Value(f.EceAfter), Value(f.LogLossBefore), Value(f.LogLossAfter), Value(f.Coverage), Value(f.MeanSetSize)];

    private static string Value(double v) => double.IsFinite(v) ? Num(v) : "–";

    private static ReportCalibrationFold Mean(ReportCalibrationFold[] folds)
    {
        double Avg(Func<ReportCalibrationFold, double> pick)
        {
            var values = folds.Select(pick).Where(double.IsFinite).ToList();
            return values.Count == 0 ? double.NaN : values.Average();
        }
        return new ReportCalibrationFold(Avg(f => f.EceBefore), Avg(f => f.EceAfter), Avg(f => f.LogLossBefore), Avg(f => f.LogLossAfter),
            Avg(f => f.Coverage), Avg(f => f.MeanSetSize));
    }
}
