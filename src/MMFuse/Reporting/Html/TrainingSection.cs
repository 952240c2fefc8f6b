namespace MMFuse.Reporting.Html;

/// <summary>Per-epoch train and validation loss of the jointly trained networks.</summary>
internal static class TrainingSection
{
    public static void LearningCurves(HtmlBuilder page, ReportPlots plots, ReportLearningCurve[]? curves)
    {
        if (curves is null || curves.Length == 0)
        {
            page.Unavailable();
            return;
        }
        page.BeginGrid();
        foreach (var curve in curves)
        {
            var series = new List<ReportPlots.Series> { new("train", Epochs(curve.TrainLoss.Length), curve.TrainLoss) };
            if (curve.ValidationLoss is { Length: > 0 } validation)
                series.Add(new("validation", Epochs(validation.Length), validation, ReportPlots.ValidationColor));
            var plot = plots.Lines(series, "epoch", "loss");
            page.Figure("learning-" + curve.Strategy, plot, $"Loss per epoch, {curve.Strategy}", $"<b>{HtmlBuilder.Escape(curve.Strategy)}</b>");
        }
        page.EndGrid();
    }

    private static double[] Epochs(int count) => [.. Enumerable.Range(1, count).Select(e => (double)e)];
}
