using System.Globalization;
using System.Text.Json.Nodes;
using MMFuse.Evaluation.ModelSelection;
using Spectre.Console;

namespace MMFuse.Cli.Rendering;

/// <summary>Under nested selection: the honest score of <c>--fusion best</c> (the selection procedure under an outer
/// cross-validation), each outer fold's pick, and what training on all rows selects.</summary>
internal static class SelectionView
{
    public static void Render(IAnsiConsole console, Leaderboard board)
    {
        if (board.Nested is not { } nested || board.Choice is not { } choice)
        {
            console.MarkupLine("[grey]selection: flat — the winner was picked on the folds that scored it, so its score is optimistic (--select nested scores the pick honestly)[/]");
            return;
        }
        var metric = board.Metric;
        var summary = nested.Metrics[metric];
        console.MarkupLine($"[bold]--fusion best, scored by nested CV[/] (inner {nested.InnerFolds}-fold × {nested.InnerRepeats} in each outer training part): "
            + $"{metric} [bold]{F(summary.Mean)} ± {F(summary.Std)}[/] (the flat winner, picked on the folds that scored it: {F(board.Rows[0].MainMetric)})");
        for (var f = 0; f < nested.Folds.Count; f++)
            console.MarkupLine($"  outer fold {f + 1}: picked {Markup.Escape(nested.Folds[f].Choice.Strategy.Name)}, {metric} {F(nested.Folds[f].Scores[metric])}");
        console.MarkupLine($"trained by --fusion best: [bold]{Markup.Escape(choice.Strategy.Name)}[/] (ensemble selection on all rows; out-of-fold {metric} "
            + $"{F(choice.Score)}, best single {Markup.Escape(choice.BestSingle.Name)} {F(choice.BestSingleScore)})");
    }

    public static JsonObject Json(Leaderboard board)
    {
        var json = new JsonObject { ["mode"] = board.Selection.ToString().ToLowerInvariant(), ["selected"] = board.Selected.Name };
        if (board.Nested is not { } nested || board.Choice is not { } choice)
            return json;
        json["choice"] = Choice(choice);
        json["nested"] = new JsonObject
        {
            ["inner_folds"] = nested.InnerFolds,
            ["inner_repeats"] = nested.InnerRepeats,
            ["metrics"] = EvaluationView.Metrics(nested.Metrics),
            ["folds"] = new JsonArray(nested.Folds.Select(f => (JsonNode?)new JsonObject
            {
                ["picked"] = Choice(f.Choice),
                ["scores"] = new JsonObject(f.Scores.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)EvaluationView.Number(s.Value)))),
            }).ToArray()),
            ["seconds"] = Math.Round(nested.Seconds, 3),
        };
        return json;
    }

    private static JsonObject Choice(EnsembleChoice choice) => new()
    {
        ["strategy"] = choice.Strategy.Name,
        ["members"] = new JsonArray(choice.Weights.Select(w => (JsonNode?)new JsonObject { ["strategy"] = w.Strategy.Name, ["weight"] = Math.Round(w.Weight, 6) }).ToArray()),
        ["out_of_fold"] = EvaluationView.Number(choice.Score),
        ["best_single"] = choice.BestSingle.Name,
        ["best_single_out_of_fold"] = EvaluationView.Number(choice.BestSingleScore),
    };

    private static string F(double value) => double.IsFinite(value) ? value.ToString("F4", CultureInfo.InvariantCulture) : "n/a";
}
