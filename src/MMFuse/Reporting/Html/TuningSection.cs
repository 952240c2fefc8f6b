using System.Globalization;

namespace MMFuse.Reporting.Html;

/// <summary>The tuner's choice per outer fold, then every trial with its inner score after each rung.</summary>
internal static class TuningSection
{
    public static void Render(HtmlBuilder page, ReportTuning tuning)
    {
        page.Paragraph($"{tuning.Strategy} tuned by successive halving inside each outer fold's training rows (rungs score on "
            + $"{string.Join(", ", tuning.RungFolds)} inner folds); the outer test fold takes no part in the choice. Metric: {tuning.Metric}.");
        page.BeginTable(null, "outer fold", "rows", "chosen", "inner", "outer", "trials");
        foreach (var fold in tuning.Folds)
            page.RowHtml(N(fold.Fold), N(fold.Rows), HtmlBuilder.Escape(fold.Chosen), F(fold.Inner), fold.Outer is { } o ? F(o) : "–",
                N(fold.Trials.Length) + (fold.BudgetExhausted ? " (budget ran out)" : ""));
        page.EndTable();
        page.Heading("Trials");
        page.BeginTable(null, ["outer fold", "trial", "settings", .. tuning.RungFolds.Select(f => $"inner ({f} fold{(f == 1 ? "" : "s")})")]);
        foreach (var fold in tuning.Folds)
            foreach (var trial in fold.Trials)
                page.RowHtml([N(fold.Fold), N(trial.Id), HtmlBuilder.Escape(trial.Settings),
                    .. tuning.RungFolds.Select((_, r) => r < trial.RungScores.Length ? F(trial.RungScores[r]) : "")]);
        page.EndTable();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => double.IsFinite(value) ? value.ToString("F4", CultureInfo.InvariantCulture) : "–";
}
