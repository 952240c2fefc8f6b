using MMFuse.Evaluation;
using MMFuse.Evaluation.Jobs;
using MMFuse.Evaluation.Tuning;
using MMFuse.Features;
using MMFuse.Fusion;
using MMFuse.Learners;

namespace MMFuse;

/// <summary>The budgeted tuner on a data set: nested tuning under cross-validation, and tuning before training.</summary>
public sealed partial class MultimodalDataset
{
    /// <summary>
    /// The search space of a strategy on this data: its learner's settings (or the joint network's) over the given
    /// options, and the text features when the text columns were extracted with both blocks
    /// (<see cref="Features.Extraction.ExtractorChoices.Text"/> = <c>minilm+tfidf</c>).
    /// </summary>
    /// <param name="strategy">A leaderboard name, e.g. <c>early/logreg</c>, <c>early/mlp</c>, <c>joint-gated</c>.</param>
    /// <param name="learnerOptions">The learner's options to start from; null for its defaults.</param>
    /// <param name="settings">Vote weights, stacking bases, the joint networks' options, absence training.</param>
    public SearchSpace SearchSpace(string strategy, LearnerOptions? learnerOptions = null, FusionSettings? settings = null) =>
        Evaluation.Tuning.SearchSpace.For(strategy, learnerOptions, settings, Prepare(null, default).Features);

    /// <summary>
    /// Cross-validates "tune, then fit": inside each outer fold the tuner searches <paramref name="space"/> by successive
    /// halving over inner folds of that fold's training rows only, and the chosen configuration is scored on the outer
    /// test rows. The run's result is named <c>tuned:STRATEGY</c>; <see cref="EvaluationRun.Tuning"/> holds every trial.
    /// </summary>
    /// <param name="space">From <see cref="SearchSpace(string, LearnerOptions?, FusionSettings?)"/>.</param>
    /// <param name="split">The outer folds; as <see cref="Evaluate"/> when null.</param>
    /// <param name="options">Normalisation, seed, test-time absence, and <see cref="EvaluationOptions.Tuning"/> (defaults when null).</param>
    /// <param name="progress">Extraction progress and a note per outer fold.</param>
    /// <param name="cancel">Stops between trials.</param>
    public EvaluationRun Tune(SearchSpace space, SplitSpec? split = null, EvaluationOptions? options = null,
        IProgress<MMFuseProgress>? progress = null, CancellationToken cancel = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        options ??= new EvaluationOptions();
        var tuning = options.Tuning ?? new TuningOptions(Seed: options.Seed);
        var data = Prepare(progress, cancel);
        split ??= DefaultSplit(data);
        var folds = data.Folds(split);
        var warnings = FoldWarnings(data, folds, progress);
        var work = data.Work(folds, options);
        var (result, tunings) = TunedCrossValidation.Run(work, space, tuning, Options.Threads, (f, t) => progress?.Report(new ProgressNote(
            $"outer fold {f + 1}/{folds.Count}: {t.Trials.Count} trials in {t.Seconds:F0} s, chose {Describe(t.BestSettings)}")), cancel);
        return new EvaluationRun(this, space.Build(tunings[0].Best), result, split, folds, warnings, options, clock.Elapsed.TotalSeconds)
        {
            Tuning = tunings,
            Calibration = CalibrationOf(result, data, options),
        };
    }

    /// <summary>
    /// Tunes <paramref name="space"/> on every row (inner folds over all of them) and fits the chosen configuration on
    /// every row. A chosen text choice other than the extracted one is trained with that choice, so the model file
    /// names the extractors it needs; the tuned settings live in the learner's options, whose fitted weights the model
    /// file carries.
    /// </summary>
    /// <returns>The model (dispose it) and the tuning's trials.</returns>
    public (MultimodalModel Model, TuningResult Tuning) TrainTuned(SearchSpace space, EvaluationOptions? options = null,
        IProgress<MMFuseProgress>? progress = null, CancellationToken cancel = default)
    {
        options ??= new EvaluationOptions();
        var data = Prepare(progress, cancel);
        var work = new FoldWork(data.Features, data.Targets, data.Task, data.ClassCount, [], options.Normalize, options.Seed, data.Augmented) { Weighting = data.Weighting(options) };
        var tuning = Tuner.Run(space, new FoldObjective(work, space), Enumerable.Range(0, data.Targets.Length).ToArray(), TunedCrossValidation.Classes(work),
            options.Tuning ?? new TuningOptions(Seed: options.Seed), Options.Threads, cancel);
        progress?.Report(new ProgressNote($"{tuning.Trials.Count} trials in {tuning.Seconds:F0} s, chose {Describe(tuning.BestSettings)}"));
        var chosen = tuning.Best.TextFeatures is { } text && text != Options.Extractors.Text
            ? new MultimodalDataset(Table, Options with { Extractors = Options.Extractors with { Text = text } })
            : this;
        var plain = options with { Tuning = null };
        return (chosen.Train(space.Build(tuning.Best), plain, progress, cancel), tuning);
    }

    /// <summary>Recalibration and conformal figures of a cross-validated result, when the options ask for them.</summary>
    private static Evaluation.Calibration.CalibrationResult? CalibrationOf(CrossValidationResult result, PreparedData data, EvaluationOptions options) =>
        options.Calibration != Evaluation.Calibration.CalibrationKind.None || options.Coverage is not null
            ? Evaluation.Calibration.CalibrationEvaluation.Run(result, data.Targets, data.Task, data.Patterns, options.Calibration, options.Coverage)
            : null;

    private static string Describe(IReadOnlyDictionary<string, string> settings) =>
        settings.Count == 0 ? "the defaults" : string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"));
}
