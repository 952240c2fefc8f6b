using MMFuse.IO;
using MMFuse.Reporting.Html;

namespace MMFuse.Reporting;

/// <summary>
/// Writes a <see cref="ReportModel"/> as one self-contained HTML file: inline CSS, plots and media embedded as
/// <c>data:</c> URIs, no scripts, nothing fetched when the page is opened. Written atomically.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Renders <paramref name="model"/> and writes it to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, ReportModel model, HtmlReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.WriteAllText(path, Render(model, options ?? new HtmlReportOptions()));
    }

    internal static string Render(ReportModel model, HtmlReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        var page = new HtmlBuilder();
        var plots = new ReportPlots(options);
        bool classification = model.Task != Data.TaskKind.Regression;

        var sections = new List<(string Id, string Title, Action Body)>
        {
            ("dataset", "Dataset", () => OverviewSections.Dataset(page, model.Dataset)),
            ("leaderboard", "Leaderboard", () => OverviewSections.Leaderboard(page, model.Leaderboard)),
        };
        if (classification)
        {
            sections.Add(("confusion", "Confusion matrix", () => ClassificationSections.Confusion(page, model.Confusion)));
            sections.Add(("per-class", "Per-class F1", () => ClassificationSections.PerClassF1(page, plots, model.PerClassF1)));
        }
        sections.Add(("contribution", "Modality contribution", () => ModalitySections.Contribution(page, plots, model.Contribution)));
        sections.Add(("robustness", "Robustness", () => ModalitySections.Robustness(page, plots, model.Robustness)));
        if (classification)
            sections.Add(("reliability", "Calibration", () =>
            {
                ClassificationSections.Reliability(page, plots, model.Reliability);
                if (model.Calibration is { } calibration)
                    CalibrationSection.Render(page, calibration);
            }));
        else if (model.Calibration is { } intervals)
            sections.Add(("reliability", "Conformal intervals", () => CalibrationSection.Render(page, intervals)));
        if (model.Tuning is not null)
            sections.Add(("tuning", "Tuning", () => TuningSection.Render(page, model.Tuning)));
        sections.Add(("learning", "Learning curves", () => TrainingSection.LearningCurves(page, plots, model.LearningCurves)));
        if (classification)
        {
            var media = new ReportMedia(options, model.MediaFolder);
            sections.Add(("explanations", "Modality explanations", () => ExplanationSection.Render(page, model.Explanations)));
            sections.Add(("wrong", "Confidently wrong", () => WrongRowsSection.Render(page, media, model.ConfidentlyWrong)));
        }

        page.Open(model.Title, model.Subtitle, [.. sections.Select(s => (s.Id, s.Title))]);
        foreach (var (id, title, body) in sections)
        {
            page.BeginSection(id, title);
            body();
            page.EndSection();
        }
        page.Close();
        return page.ToString();
    }
}
