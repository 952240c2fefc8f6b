using System.Text.Json.Nodes;
using MMFuse.Evaluation.MultiLabel;
using MMFuse.IO;
using MMFuse.Reporting.Html;

namespace MMFuse.Reporting.Runs;

/// <summary>
/// The report of a multilabel run: the leaderboard with the multi-label metrics (mean ± standard deviation over folds)
/// and, for the best strategy, each label's support, precision, recall, F1 and ROC-AUC over its out-of-fold
/// predictions. The single-label analyses (modality ablation, calibration, confidently wrong rows) are not run.
/// </summary>
internal static class MultiLabelReport
{
    public static ReportResult Run(PreparedData data, ReportRun run, string path, IProgress<MMFuseProgress>? progress)
    {
        var best = run.Rows[0];
        var perLabel = PerLabelScores.Of(best.Result, data.Targets, data.Classes);
        var html = new HtmlBuilder();
        html.Open("MMFuse multilabel report", $"{data.Targets.Length} rows, {data.Classes.Count} labels, {run.Split.Describe()}",
            [("leaderboard", "Leaderboard"), ("labels", "Per label")]);
        html.BeginSection("leaderboard", "Leaderboard (ranked by micro F1)");
        html.BeginTable(null, ["strategy", .. MultiLabelMetrics.Names]);
        foreach (var row in run.Rows)
            html.RowHtml([HtmlBuilder.Escape(row.Strategy.Name),
                .. MultiLabelMetrics.Names.Select(m => $"{HtmlBuilder.Num(row.Result.Metrics[m].Mean)} ± {HtmlBuilder.Num(row.Result.Metrics[m].Std)}")]);
        html.EndTable();
        html.EndSection();
        html.BeginSection("labels", $"Per label: {best.Strategy.Name}, out of fold");
        html.BeginTable(null, "label", "support", "precision", "recall", "F1", "ROC-AUC");
        foreach (var s in perLabel)
            html.RowHtml(HtmlBuilder.Escape(s.Label), s.Support.ToString(System.Globalization.CultureInfo.InvariantCulture),
                HtmlBuilder.Num(s.Precision), HtmlBuilder.Num(s.Recall), HtmlBuilder.Num(s.F1), HtmlBuilder.Num(s.RocAuc));
        html.EndTable();
        html.EndSection();
        html.Close();
        AtomicFile.WriteAllText(path, html.ToString());
        progress?.Report(new ProgressNote($"wrote {Path.GetFullPath(path)}"));
        var json = new JsonObject
        {
            ["per_label"] = new JsonArray(perLabel.Select(s => (JsonNode?)PerLabelJson(s)).ToArray()),
        };
        return new ReportResult(Path.GetFullPath(path), json, null);
    }

    /// <summary>One label's scores as JSON (NaN written as null).</summary>
    public static JsonObject PerLabelJson(PerLabelScore s) => new()
    {
        ["label"] = s.Label,
        ["support"] = s.Support,
        ["precision"] = s.Precision,
        ["recall"] = s.Recall,
        ["f1"] = s.F1,
        ["roc_auc"] = double.IsFinite(s.RocAuc) ? s.RocAuc : null,
    };
}
