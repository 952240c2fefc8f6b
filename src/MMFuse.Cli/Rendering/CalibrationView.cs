using System.Globalization;
using System.Text.Json.Nodes;
using MMFuse.Evaluation.Calibration;
using Spectre.Console;

namespace MMFuse.Cli.Rendering;

/// <summary>Calibration and conformal figures under <c>--calibrate</c> and <c>--coverage</c>: mean over folds and per fold.</summary>
internal static class CalibrationView
{
    public static void Render(IAnsiConsole console, CalibrationResult? result)
    {
        if (result is null)
            return;
        if (result.Note is { } note)
        {
            console.MarkupLine($"[grey]calibration: {Markup.Escape(note)}[/]");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title($"calibration: {result.Kind.ToString().ToLowerInvariant()}, fitted on the other folds")
            .AddColumn("figure").AddColumn(new TableColumn("mean").RightAligned()).AddColumn("per fold");
        void Row(string name, Func<FoldCalibration, double> figure)
        {
            if (double.IsFinite(result.Mean(figure)))
                table.AddRow(name, F(result.Mean(figure)), string.Join(" ", result.Folds.Select(f => F(figure(f)))));
        }
        Row("ECE before", f => f.EceBefore);
        Row("ECE after", f => f.EceAfter);
        Row("log loss before", f => f.LogLossBefore);
        Row("log loss after", f => f.LogLossAfter);
        if (result.TargetCoverage is { } target)
        {
            Row($"coverage (target {target.ToString(CultureInfo.InvariantCulture)})", f => f.Coverage);
            Row("mean set size / interval width", f => f.MeanSetSize);
        }
        console.Write(table);
    }

    public static JsonObject? Json(CalibrationResult? result) => result is null ? null : new JsonObject
    {
        ["kind"] = result.Kind.ToString().ToLowerInvariant(),
        ["target_coverage"] = result.TargetCoverage,
        ["note"] = result.Note,
        ["ece_before"] = EvaluationView.Number(result.Mean(f => f.EceBefore)),
        ["ece_after"] = EvaluationView.Number(result.Mean(f => f.EceAfter)),
        ["log_loss_before"] = EvaluationView.Number(result.Mean(f => f.LogLossBefore)),
        ["log_loss_after"] = EvaluationView.Number(result.Mean(f => f.LogLossAfter)),
        ["coverage"] = EvaluationView.Number(result.Mean(f => f.Coverage)),
        ["mean_set_size"] = EvaluationView.Number(result.Mean(f => f.MeanSetSize)),
        ["per_fold"] = new JsonArray(result.Folds.Select(f => (JsonNode?)new JsonObject
        {
            ["ece_before"] = EvaluationView.Number(f.EceBefore),
            ["ece_after"] = EvaluationView.Number(f.EceAfter),
            ["coverage"] = EvaluationView.Number(f.Coverage),
            ["mean_set_size"] = EvaluationView.Number(f.MeanSetSize),
        }).ToArray()),
    };

    private static string F(double value) => double.IsFinite(value) ? value.ToString("F4", CultureInfo.InvariantCulture) : "n/a";
}
