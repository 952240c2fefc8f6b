using MMFuse.Data;
using MMFuse.Evaluation.Jobs;

namespace MMFuse.Evaluation.Tuning;

/// <summary>
/// Nested cross-validation of "tune, then fit": for each outer fold the tuner searches on that fold's training rows
/// only, the chosen configuration is fitted on all of them and scored on the outer test rows, which took no part in
/// the choice. The result is scored like any strategy's, under the name <c>tuned:STRATEGY</c>.
/// </summary>
public static class TunedCrossValidation
{
    /// <summary>The prefix of a tuned strategy's name on leaderboards and in JSON.</summary>
    public const string Prefix = "tuned:";

    /// <summary>Runs the nested tuning over <paramref name="work"/>'s folds; a time budget is split evenly over them.</summary>
    public static (CrossValidationResult Result, IReadOnlyList<TuningResult> Tunings) Run(FoldWork work, SearchSpace space, TuningOptions options,
        int parallelism = 1, Action<int, TuningResult>? onFold = null, CancellationToken cancel = default)
    {
        options.Validate();
        var perFold = options with { Minutes = options.Minutes / work.Folds.Count };
        var classes = Classes(work);
        var objective = new FoldObjective(work, space);
        var tunings = new List<TuningResult>();
        var outcomes = new List<FoldOutcome>();
        for (var f = 0; f < work.Folds.Count; f++)
        {
            cancel.ThrowIfCancellationRequested();
            var tuning = Tuner.Run(space, objective, work.Folds[f].Train, classes, perFold, parallelism, cancel);
            var outcome = CrossValidator.RunFold(FoldObjective.Selected(work, tuning.Best), space.Build(tuning.Best), f);
            tuning = tuning with { OuterScore = outcome.Scores[objective.Metric] };
            onFold?.Invoke(f, tuning);
            tunings.Add(tuning);
            outcomes.Add(outcome);
        }
        var all = new StrategyOutcome(outcomes, outcomes.Sum(o => o.Seconds) + tunings.Sum(t => t.Seconds));
        var result = CrossValidator.Result(space.Build(tunings[0].Best), work, all) with { Strategy = Prefix + space.Strategy };
        return (result, tunings);
    }

    /// <summary>Class index per row for stratified inner folds; null for regression.</summary>
    public static int[]? Classes(FoldWork work) => work.Task == TaskKind.Regression ? null : work.Targets.Select(t => (int)t).ToArray();
}
