using System.CommandLine;
using MMFuse.Cli.Rendering;
using MMFuse.Cluster;
using MMFuse.IO;

namespace MMFuse.Cli.Commands;

/// <summary><c>mmfuse evaluate MANIFEST --label COL</c>: cross-validates one fusion strategy and reports its metrics.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var schema = new SchemaArguments();
        var extractors = new ExtractorArguments();
        var evaluation = new EvaluationArguments();
        var cluster = new ClusterArguments();
        var tuning = new TuningArguments();
        var json = new Option<string?>("--json") { Description = "Write the metrics (mean, std, per fold) and timings as JSON" };
        var command = new Command("evaluate", "Cross-validate a fusion strategy and learner on the manifest");
        schema.AddTo(command);
        extractors.AddTo(command);
        evaluation.AddTo(command);
        cluster.AddTo(command);
        tuning.AddTo(command);
        command.Add(json);
        command.SetAction(parse =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            OutputLocation.Check(parse.GetValue(json), parse.GetValue(evaluation.Report), parse.GetValue(schema.BadRowsFile));
            var data = DatasetArguments.LoadForLearning(context, parse, schema, extractors, evaluation, parse.GetValue(json) ?? parse.GetValue(evaluation.Report));
            var options = evaluation.Options(parse, data.Modalities) with { Tuning = tuning.Options(parse, parse.GetValue(evaluation.Seed)) };
            var split = evaluation.Split(parse, data.Task, data.HasGroups);
            EvaluationRun run;
            if (options.Tuning is not null)
            {
                if (parse.GetValue(cluster.Cluster) is not null)
                    context.Warn("--cluster spreads plain cross-validation jobs; the tuner runs its trials here");
                run = data.Tune(TuningArguments.Space(data, parse, evaluation, evaluation.Strategy(parse, data.Modalities).Name), split, options, context.Progress);
            }
            else if (parse.GetValue(cluster.Cluster) is { } uri)
            {
                (run, var log) = DistributedRuns.Evaluate(data, uri, evaluation.Recipe(parse, data.Modalities), split, options, context.Progress,
                    cluster.RunOptions(parse));
                cluster.WriteLog(parse, log);
            }
            else
                run = data.Evaluate(evaluation.Strategy(parse, data.Modalities), split, options, context.Progress);
            EvaluationView.Render(context.Out, run.Result, run.Split);
            EvaluationView.RenderWeighting(context.Out, data, options);
            if (run.Tuning is { } tunings)
                TuningView.Render(context.Out, tunings);
            if (run.PerLabel is { } perLabel)
                EvaluationView.RenderPerLabel(context.Out, perLabel);
            if (options.TestMissing is { } missing)
                PresenceView.Render(context.Out, run.Result, missing);
            CalibrationView.Render(context.Out, run.Calibration);
            var report = parse.GetValue(evaluation.Report) is { } reportPath
                ? data.WriteReport(run, reportPath, new ReportOptions { NoiseAll = parse.GetValue(evaluation.NoiseAll), RewriteWarning = CliFlags.Map }, context.Progress)
                : null;
            if (parse.GetValue(json) is { } path)
                AtomicFile.WriteAllText(path, InspectionJson.Serialize(EvaluationView.Json(run, report, clock.Elapsed.TotalSeconds)));
            return 0;
        });
        return command;
    }
}
