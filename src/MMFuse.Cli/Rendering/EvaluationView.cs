using System.Globalization;
using System.Text.Json.Nodes;
using MMFuse.Evaluation;
using Spectre.Console;

namespace MMFuse.Cli.Rendering;

/// <summary>Shows cross-validated metrics (mean ± std over folds) and writes their JSON form.</summary>
internal static class EvaluationView
{
    public static void Render(IAnsiConsole console, CrossValidationResult result, SplitSpec split)
    {
        console.MarkupLine($"[bold]{Markup.Escape(result.Strategy)}[/] — {Markup.Escape(split.Describe())}, {result.Folds.Count} folds, {result.Seconds:F1} s");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("metric").AddColumn(new TableColumn("mean").RightAligned())
            .AddColumn(new TableColumn("± std").RightAligned()).AddColumn("per fold");
        foreach (var (name, summary) in result.Metrics)
            table.AddRow(name, F(summary.Mean), F(summary.Std), string.Join(" ", summary.PerFold.Select(F)));
        console.Write(table);
    }

    /// <summary>A line saying what weighs the rows, when anything does.</summary>
    public static void RenderWeighting(IAnsiConsole console, MultimodalDataset data, EvaluationOptions options)
    {
        if (data.Options.Weight is null && options.ClassWeight == ClassWeight.None)
            return;
        var metrics = data.Options.Weight is null ? "metrics unweighted" : $"metrics weighted by column {data.Options.Weight}";
        console.MarkupLine($"[grey]weighting: {Markup.Escape(data.Weighting(options))}; {Markup.Escape(metrics)}[/]");
    }

    public static JsonObject Metrics(IReadOnlyDictionary<string, MetricSummary> metrics)
    {
        var json = new JsonObject();
        foreach (var (name, summary) in metrics)
            json[name] = new JsonObject
            {
                ["mean"] = Number(summary.Mean),
                ["std"] = Number(summary.Std),
                ["per_fold"] = new JsonArray(summary.PerFold.Select(v => (JsonNode?)Number(v)).ToArray()),
            };
        return json;
    }

    public static JsonObject Split(SplitSpec split, int folds) => new()
    {
        ["kind"] = split.Name,
        ["folds"] = split.Kind is SplitKind.LeaveOneOut or SplitKind.LeaveOneGroupOut or SplitKind.Holdout ? folds / split.Repeats : split.Folds,
        ["repeats"] = split.Repeats,
        ["seed"] = split.Seed,
        ["holdout"] = split.Kind == SplitKind.Holdout ? split.HoldoutFraction : null,
    };

    /// <summary>Under --text-features auto, each fold's choice per text column; null otherwise.</summary>
    public static JsonArray? TextChoices(IReadOnlyList<IReadOnlyDictionary<string, string>>? perFold) => perFold is null ? null
        : new JsonArray(perFold.Select(c => (JsonNode?)new JsonObject(c.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))))).ToArray());

    /// <summary>The evaluate command's JSON document.</summary>
    public static JsonObject Json(EvaluationRun run, ReportResult? report, double totalSeconds)
    {
        var data = run.Dataset;
        return new JsonObject
        {
            ["label"] = data.Schema.Label,
            ["task"] = data.Task.ToString().ToLowerInvariant(),
            ["rows_used"] = data.RowsUsed,
            ["rows_skipped"] = data.Inspection.RowsRead - data.RowsUsed,
            ["split"] = Split(run.Split, run.Folds.Count),
            ["warnings"] = DataWarningsOutput.Json(data.Inspection, run.Warnings),
            ["strategy"] = run.Result.Strategy,
            ["fusion"] = run.Result.Fusion,
            ["modalities"] = new JsonArray(data.Modalities.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["weighting"] = Weighting(run.Dataset, run.Options),
            ["metrics"] = Metrics(run.Result.Metrics),
            ["presence"] = PresenceView.Json(run.Result),
            ["analysis"] = report?.Analysis,
            ["calibration"] = CalibrationView.Json(run.Calibration),
            ["tuning"] = run.Tuning is null ? null : TuningView.Json(run.Tuning),
            ["text_features_auto"] = TextChoices(run.TextChoices),
            ["per_label"] = run.PerLabel is { } perLabel ? PerLabelJson(perLabel) : null,
            ["seconds"] = new JsonObject
            {
                ["features"] = Math.Round(data.FeatureSeconds, 3),
                ["fit"] = Math.Round(run.Result.Seconds, 3),
                ["total"] = Math.Round(totalSeconds, 3),
            },
        };
    }

    /// <summary>What weighs the rows: the sample-weight column (null for none), the class weighting, and whether the
    /// metrics are weighted (they are when a weight column is given).</summary>
    public static JsonObject Weighting(MultimodalDataset data, EvaluationOptions options) => new()
    {
        ["sample_weight"] = data.Options.Weight,
        ["class_weight"] = options.ClassWeight.ToString().ToLowerInvariant(),
        ["metrics_weighted"] = data.Options.Weight is not null,
        ["description"] = data.Weighting(options),
    };

    /// <summary>Multilabel: each label's out-of-fold support, precision, recall, F1 and ROC-AUC.</summary>
    public static JsonArray PerLabelJson(IReadOnlyList<Evaluation.MultiLabel.PerLabelScore> scores) => new(scores.Select(s => (JsonNode?)new JsonObject
    {
        ["label"] = s.Label,
        ["support"] = s.Support,
        ["precision"] = Number(s.Precision),
        ["recall"] = Number(s.Recall),
        ["f1"] = Number(s.F1),
        ["roc_auc"] = Number(s.RocAuc),
    }).ToArray());

    /// <summary>Multilabel: the per-label table under the metrics.</summary>
    public static void RenderPerLabel(IAnsiConsole console, IReadOnlyList<Evaluation.MultiLabel.PerLabelScore> scores)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("label").AddColumn(new TableColumn("support").RightAligned())
            .AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned()).AddColumn(new TableColumn("ROC-AUC").RightAligned());
        foreach (var s in scores)
            table.AddRow(Markup.Escape(s.Label), s.Support.ToString(CultureInfo.InvariantCulture), F(s.Precision), F(s.Recall), F(s.F1), F(s.RocAuc));
        console.Write(table);
    }

    /// <summary>JSON has no NaN: an undefined metric (AUC of a one-class fold) is written as null.</summary>
    public static JsonValue? Number(double value) => double.IsFinite(value) ? JsonValue.Create(Math.Round(value, 6)) : null;

    private static string F(double value) => double.IsFinite(value) ? value.ToString("F4", CultureInfo.InvariantCulture) : "n/a";
}
