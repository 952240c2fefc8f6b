using System.CommandLine;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features;
using MMFuse.Fusion;
using MMFuse.IO;
using Spectre.Console;

namespace MMFuse.Cli.Commands;

/// <summary><c>mmfuse train MANIFEST --label COL --out MODEL.mmf</c>: fits the chosen strategy on every row and saves one model file.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var schema = new SchemaArguments();
        var extractors = new ExtractorArguments(context);
        var evaluation = new EvaluationArguments();
        var output = new Option<string>("--out") { Description = "The model file to write (e.g. model.mmf)", Required = true };
        var signingKey = new SigningKeyArgument("Sign the model with the secret key in this file (HMAC-SHA256; 16 bytes to 64 KiB), so predict --sign-key can detect tampering");
        var command = new Command("train", "Train a fusion strategy on all rows and save it as one model file");
        schema.AddTo(command);
        extractors.AddTo(command);
        evaluation.AddTo(command);
        command.Add(output);
        command.Add(signingKey.Option);
        command.SetAction(parse =>
        {
            var key = signingKey.Read(parse);
            // Before any extraction or training: an unwritable --out must not cost a whole training run.
            OutputLocation.Check(parse.GetValue(output), parse.GetValue(evaluation.Report), parse.GetValue(schema.BadRowsFile));
            var seed = parse.GetValue(evaluation.Seed);
            var normalize = Strategies.ParseNormalize(parse.GetValue(evaluation.Normalize)!);
            LearningData data;
            IFusionStrategy strategy;
            if (parse.GetValue(evaluation.Fusion) == "best")
            {
                // The leaderboard's winner, chosen by cross-validation on these rows, then refitted on all of them.
                var outcome = CompareCommand.Run(context, parse, schema, extractors, evaluation, null, parse.GetValue(output));
                data = outcome.Data;
                strategy = outcome.Strategies.First(s => s.Name == outcome.Ranked[0].Strategy);
            }
            else
            {
                data = LearningData.Load(context, parse, schema, extractors, evaluation, parse.GetValue(output));
                if (parse.GetValue(evaluation.Report) is not null)
                    context.Warn("--report needs a comparison: use it with --fusion best, or run evaluate/compare --report");
                var learnerOptions = evaluation.LearnerOptions(parse);
                strategy = Strategies.Create(parse.GetValue(evaluation.Fusion)!, parse.GetValue(evaluation.Learner)!, learnerOptions,
                evaluation.FusionOptions(parse, learnerOptions), data.Features.BlockNames.ToList());
            }
            var (fitted, model, metrics) = Fit(data, strategy, normalize, seed);
            var path = parse.GetValue(output)!;
            ModelFile.Save(path, data, fitted, model, seed, metrics, key);
            context.Out.MarkupLine($"trained [bold]{Markup.Escape(strategy.Name)}[/] on {data.Targets.Length} rows; wrote [bold]{Markup.Escape(Path.GetFullPath(path))}[/]");
            context.Out.MarkupLine($"[grey]training-set metrics (optimistic; use evaluate for honest ones): {string.Join(", ", metrics.Select(m => $"{m.Key} {m.Value:F4}"))}[/]");
            return 0;
        });
        return command;
    }

    /// <summary>Fits features and the strategy on all rows; the metrics are on the training rows themselves, named train_*.</summary>
    public static (FittedFeatures, IFusionModel, Dictionary<string, double>) Fit(LearningData data, IFusionStrategy strategy, Features.Preprocessing.NormalizeMode normalize, int seed)
    {
        var all = Enumerable.Range(0, data.Targets.Length).ToArray();
        var (rows, targets) = CrossValidator.TrainingRows(data.Features, data.Targets, all, data.Augmented);
        var fitted = FittedFeatures.Fit(rows);
        var model = strategy.Fit(new FusionTrainingSet(fitted.Transform(rows), targets, data.Task, data.ClassCount, seed, normalize));
        var blocks = fitted.Transform(data.Features);
        var scores = FoldScorer.Score(data.Task, data.ClassCount, model.Predict(blocks), data.Targets)
            .Where(kv => double.IsFinite(kv.Value)).ToDictionary(kv => "train_" + kv.Key, kv => kv.Value);
        return (fitted, model, scores);
    }
}
