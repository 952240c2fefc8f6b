using System.Globalization;
using System.Text.Json.Nodes;
using MMFuse.Data;
using MMFuse.Evaluation;
using Spectre.Console;

namespace MMFuse.Cli.Rendering;

/// <summary>The comparison leaderboard: best first, mean ± std of the main metrics and seconds per strategy.</summary>
internal static class LeaderboardView
{
    /// <param name="random">Under grouped folds: each strategy's main metric under random folds (the gap column).</param>
    public static void Render(IAnsiConsole console, IReadOnlyList<CrossValidationResult> ranked, TaskKind task, SplitSpec split,
        IReadOnlyList<double?>? random = null)
    {
        var metrics = task switch
        {
            TaskKind.Regression => new[] { "rmse", "mae", "r2" },
            TaskKind.Multilabel => ["micro_f1", "samples_f1", "hamming_loss"],
            _ => ["accuracy", "macro_f1", "log_loss"],
        };
        var table = new Table().Border(TableBorder.Rounded).Title($"leaderboard — {Markup.Escape(split.Describe())}")
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("strategy").AddColumn("fusion");
        foreach (var metric in metrics)
            table.AddColumn(new TableColumn(metric).RightAligned());
        if (random is not null)
            table.AddColumn(new TableColumn($"{metrics[0]}, random folds").RightAligned()).AddColumn(new TableColumn("gap").RightAligned());
        table.AddColumn(new TableColumn("seconds").RightAligned());
        for (var i = 0; i < ranked.Count; i++)
        {
            var r = ranked[i];
            var cells = new List<string> { (i + 1).ToString(CultureInfo.InvariantCulture), i == 0 ? $"[bold green]{Markup.Escape(r.Strategy)}[/]" : Markup.Escape(r.Strategy), r.Fusion };
            cells.AddRange(metrics.Select(m => $"{F(r.Metrics[m].Mean)} ± {F(r.Metrics[m].Std)}"));
            if (random is not null)
            {
                var other = random[i] ?? double.NaN;
                cells.Add(F(other));
                cells.Add(F(r.Metrics[metrics[0]].Mean - other));
            }
            cells.Add(r.Seconds.ToString("F1", CultureInfo.InvariantCulture));
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
    }

    public static void Render(IAnsiConsole console, Leaderboard board)
    {
        Render(console, board.Results, board.Dataset.Task, board.Split, RandomColumn(board));
        SelectionView.Render(console, board);
    }

    /// <summary>Each row's score under random folds, row by row (names may repeat); null when the folds were random.</summary>
    private static IReadOnlyList<double?>? RandomColumn(Leaderboard board) =>
        board.Rows.All(r => r.RandomFolds is null) ? null : board.Rows.Select(r => r.RandomFolds).ToList();

    /// <summary>The compare command's JSON document.</summary>
    public static JsonObject Json(Leaderboard board, ReportResult? report)
    {
        var data = board.Dataset;
        var modalities = board.Rows.ToDictionary(r => r.Result, r => r.Modalities);
        return new JsonObject
        {
            ["label"] = data.Schema.Label,
            ["task"] = data.Task.ToString().ToLowerInvariant(),
            ["rows_used"] = data.RowsUsed,
            ["split"] = EvaluationView.Split(board.Split, board.Folds.Count),
            ["warnings"] = DataWarningsOutput.Json(data.Inspection, board.Warnings),
            ["weighting"] = EvaluationView.Weighting(data, board.Options),
            ["leaderboard"] = Json(board.Results, r => modalities[r], RandomColumn(board)),
            ["presence"] = board.Options.TestMissing is null ? null
                : new JsonObject(board.Results.Select(r => KeyValuePair.Create(r.Strategy, (JsonNode?)PresenceView.Json(r)))),
            ["selection"] = SelectionView.Json(board),
            ["text_features_auto"] = EvaluationView.TextChoices(board.TextChoices),
            ["analysis"] = report?.Analysis,
            ["seconds"] = new JsonObject { ["features"] = Math.Round(data.FeatureSeconds, 3), ["total"] = Math.Round(board.Seconds, 3) },
        };
    }

    public static JsonArray Json(IReadOnlyList<CrossValidationResult> ranked, Func<CrossValidationResult, IReadOnlyList<string>> modalities,
        IReadOnlyList<double?>? random = null) =>
        new(ranked.Select((r, i) =>
        {
            var row = new JsonObject
            {
                ["strategy"] = r.Strategy,
                ["fusion"] = r.Fusion,
                ["modalities"] = new JsonArray(modalities(r).Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
                ["metrics"] = EvaluationView.Metrics(r.Metrics),
                ["seconds"] = Math.Round(r.Seconds, 3),
            };
            if (random is not null)
                row["random_folds"] = random[i] is { } v ? EvaluationView.Number(v) : null;
            return (JsonNode?)row;
        }).ToArray());

    private static string F(double value) => double.IsFinite(value) ? value.ToString("F4", CultureInfo.InvariantCulture) : "n/a";
}
