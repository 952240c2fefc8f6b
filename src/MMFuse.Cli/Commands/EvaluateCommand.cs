using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using MMFuse.Cli.Rendering;
using MMFuse.Cli.Reports;
using MMFuse.Features.Extraction;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;
using MMFuse.IO;

namespace MMFuse.Cli.Commands;

/// <summary><c>mmfuse evaluate MANIFEST --label COL</c>: cross-validates one fusion strategy and reports its metrics.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var schema = new SchemaArguments();
        var extractors = new ExtractorArguments(context);
        var evaluation = new EvaluationArguments();
        var json = new Option<string?>("--json") { Description = "Write the metrics (mean, std, per fold) and timings as JSON" };
        var command = new Command("evaluate", "Cross-validate a fusion strategy and learner on the manifest");
        schema.AddTo(command);
        extractors.AddTo(command);
        evaluation.AddTo(command);
        command.Add(json);
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            OutputLocation.Check(parse.GetValue(json), parse.GetValue(evaluation.Report), parse.GetValue(schema.BadRowsFile));
            var data = LearningData.Load(context, parse, schema, extractors, evaluation, parse.GetValue(json) ?? parse.GetValue(evaluation.Report));
            var split = evaluation.Split(parse, data.Task, data.Groups is not null);
            var folds = data.Folds(split);
            var foldWarnings = DataWarningsOutput.Folds(context, data, folds, parse.GetValue(schema.Strict));
            var learnerOptions = evaluation.LearnerOptions(parse);
            var strategy = Strategies.Create(parse.GetValue(evaluation.Fusion)!, parse.GetValue(evaluation.Learner)!, learnerOptions,
                evaluation.FusionOptions(parse, learnerOptions), data.Features.BlockNames.ToList());
            var normalize = Strategies.ParseNormalize(parse.GetValue(evaluation.Normalize)!);
            var testMissing = evaluation.TestTimeMissing(parse, data.Features.BlockNames.ToList());
            var result = CrossValidator.Run(data.Features, data.Targets, data.Task, data.ClassCount, folds, strategy, normalize,
                parse.GetValue(evaluation.Seed), extractors.Threads(parse), data.Augmented, testMissing, data.TestFeatures);
            EvaluationView.Render(context.Out, result, split);
            if (testMissing is not null)
                PresenceView.Render(context.Out, result, testMissing);
            JsonObject? analysis = null;
            if (parse.GetValue(evaluation.Report) is { } reportPath)
            {
                using var cache = extractors.OpenCache(parse);
                var inputs = new ReportRunner.Inputs(data, split, folds, [result], [strategy], _ => data.Features.BlockNames.ToList(), normalize,
                    parse.GetValue(evaluation.Seed), extractors.Threads(parse), foldWarnings);
                analysis = ReportRunner.Run(context, inputs, cache, extractors.Extraction(parse, schema.Policy(parse)),
                    parse.GetValue(evaluation.NoiseAll), reportPath);
            }
            if (parse.GetValue(json) is { } path)
            {
                var document = new JsonObject
                {
                    ["label"] = data.Table.Schema.Label,
                    ["task"] = data.Task.ToString().ToLowerInvariant(),
                    ["rows_used"] = data.Targets.Length,
                    ["rows_skipped"] = data.Table.Inspection.RowsRead - data.Targets.Length,
                    ["split"] = EvaluationView.Split(split, folds.Count),
                    ["warnings"] = DataWarningsOutput.Json(data.Table.Inspection, foldWarnings),
                    ["strategy"] = result.Strategy,
                    ["fusion"] = result.Fusion,
                    ["modalities"] = new JsonArray(data.Features.BlockNames.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
                    ["metrics"] = EvaluationView.Metrics(result.Metrics),
                    ["presence"] = PresenceView.Json(result),
                    ["analysis"] = analysis,
                    ["seconds"] = new JsonObject
                    {
                        ["features"] = Math.Round(data.FeatureSeconds, 3),
                        ["fit"] = Math.Round(result.Seconds, 3),
                        ["total"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
                    },
                };
                AtomicFile.WriteAllText(path, InspectionJson.Serialize(document));
            }
            return 0;
        });
        return command;
    }
}
