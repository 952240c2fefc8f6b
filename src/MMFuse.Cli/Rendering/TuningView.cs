using System.Text.Json.Nodes;
using MMFuse.Evaluation.Tuning;
using MMFuse.Reporting;
using Spectre.Console;

namespace MMFuse.Cli.Rendering;

/// <summary>Shows the tuner's choice per outer fold and writes every trial as JSON.</summary>
internal static class TuningView
{
    public static void Render(IAnsiConsole console, IReadOnlyList<TuningResult> tunings)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("fold").AddColumn("chosen").AddColumn(new TableColumn("inner").RightAligned())
            .AddColumn(new TableColumn("outer").RightAligned()).AddColumn(new TableColumn("trials").RightAligned());
        foreach (var (t, f) in tunings.Select((t, f) => (t, f)))
            table.AddRow((f + 1).ToString(), Markup.Escape(ReportTuning.Settings(t.BestSettings)), F(BestInner(t)), t.OuterScore is { } o ? F(o) : "–",
                t.Trials.Count(x => x.Rung >= 0) + (t.BudgetExhausted ? " (budget)" : ""));
        console.MarkupLine($"[bold]tuning {Markup.Escape(tunings[0].Strategy)}[/] — successive halving over {string.Join(", ", tunings[0].RungFolds)} inner folds, by {tunings[0].Metric}");
        console.Write(table);
    }

    public static JsonObject Json(IReadOnlyList<TuningResult> tunings) => new()
    {
        ["strategy"] = tunings[0].Strategy,
        ["metric"] = tunings[0].Metric,
        ["rung_folds"] = new JsonArray(tunings[0].RungFolds.Select(n => (JsonNode?)n).ToArray()),
        ["folds"] = new JsonArray(tunings.Select(t => (JsonNode?)Fold(t)).ToArray()),
    };

    private static JsonObject Fold(TuningResult t) => new()
    {
        ["rows"] = t.Rows,
        ["chosen"] = Settings(t.BestSettings),
        ["chosen_trial"] = t.Best.Id,
        ["inner"] = EvaluationView.Number(BestInner(t)),
        ["outer"] = t.OuterScore is { } o ? EvaluationView.Number(o) : null,
        ["budget_exhausted"] = t.BudgetExhausted,
        ["seconds"] = Math.Round(t.Seconds, 2),
        ["trials"] = new JsonArray(t.Trials.Select(x => (JsonNode?)new JsonObject
        {
            ["id"] = x.Config.Id,
            ["settings"] = Settings(x.Settings),
            ["fold_scores"] = new JsonArray(x.FoldScores.Select(v => (JsonNode?)EvaluationView.Number(v)).ToArray()),
            ["rung_scores"] = new JsonArray(x.RungScores.Select(v => (JsonNode?)EvaluationView.Number(v)).ToArray()),
        }).ToArray()),
    };

    private static JsonObject Settings(IReadOnlyDictionary<string, string> settings) =>
        new(settings.Select(s => new KeyValuePair<string, JsonNode?>(s.Key, s.Value)));

    private static double BestInner(TuningResult t) => t.Trials.First(x => x.Config.Id == t.Best.Id).RungScores[^1];

    private static string F(double value) => value.ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
}
