using System.Diagnostics;
using MMFuse.Data;

namespace MMFuse.Evaluation.Tuning;

/// <summary>
/// Successive halving over inner folds: every configuration is scored on one inner fold, the best
/// 1/<see cref="TuningOptions.HalvingFactor"/> go on to <c>factor</c> times as many folds, and so on until the
/// survivors have been scored on every inner fold. Inner folds are made from the training rows given and nothing
/// else, so under cross-validation the outer test fold never influences the choice.
/// </summary>
public static class Tuner
{
    /// <summary>Tunes <paramref name="space"/> on <paramref name="rows"/>.</summary>
    /// <param name="space">The configurations to search.</param>
    /// <param name="objective">Fits and scores a configuration on an inner fold.</param>
    /// <param name="rows">The training rows the tuner may use (indices into the data set).</param>
    /// <param name="classes">Class index per row of the data set, for stratified inner folds; null for regression (plain k-fold).</param>
    /// <param name="options">Trials, time budget, halving factor, inner folds, seed.</param>
    /// <param name="parallelism">Configurations scored at once.</param>
    /// <param name="cancel">Stops between trials.</param>
    public static TuningResult Run(SearchSpace space, ITrialObjective objective, IReadOnlyList<int> rows, IReadOnlyList<int>? classes,
        TuningOptions options, int parallelism = 1, CancellationToken cancel = default)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var budget = options.Minutes is { } minutes ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
        var folds = InnerFolds(rows, classes, options);
        var configs = space.Sample(options.PlannedTrials, options.Seed);
        var scores = configs.Select(_ => new List<double>()).ToArray();
        var rungScores = configs.Select(_ => new List<double>()).ToArray();
        var rungFolds = RungFolds(folds.Count, options.HalvingFactor);
        var higherIsBetter = FoldScorer.HigherIsBetter(objective.Metric);
        var alive = Enumerable.Range(0, configs.Count).ToList();
        var exhausted = false;
        for (var rung = 0; rung < rungFolds.Count && alive.Count > 0; rung++)
        {
            var from = rung == 0 ? 0 : rungFolds[rung - 1];
            // The first rung may take only half the budget, so the survivors still get scored on more folds.
            var rungDeadline = budget is { } b && rung == 0 ? b / 2 : budget;
            var finished = new bool[configs.Count];
            Parallel.ForEach(alive, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancel }, (c, state) =>
            {
                var got = new List<double>();
                for (var f = from; f < rungFolds[rung]; f++)
                {
                    if (rungDeadline is { } deadline && clock.Elapsed > deadline)
                        return;
                    got.Add(objective.Score(configs[c], folds[f]));
                }
                lock (scores[c])
                {
                    scores[c].AddRange(got);
                    rungScores[c].Add(Mean(scores[c]));
                }
                finished[c] = true;
            });
            var completed = alive.Where(c => finished[c]).ToList();
            // Only the deadline leaves a configuration unfinished: the best is then taken at the highest rung completed.
            exhausted = completed.Count < alive.Count;
            if (exhausted)
                break;
            alive = Ranked(completed, rungScores, rung, higherIsBetter).Take(Math.Max(1, (int)Math.Ceiling(completed.Count / (double)options.HalvingFactor))).ToList();
            if (alive.Count == 1)
                break;
        }
        var bestRung = rungScores.Max(r => r.Count) - 1;
        if (bestRung < 0)
            throw new OperationCanceledException("the tuning budget ran out before any configuration was scored; give more minutes");
        var best = configs[Ranked(Enumerable.Range(0, configs.Count).Where(c => rungScores[c].Count > bestRung).ToList(), rungScores, bestRung, higherIsBetter)[0]];
        var trials = configs.Select((c, i) => new TrialRecord(c, c.Describe(space.Dimensions), scores[i].ToArray(), rungScores[i].ToArray())).ToList();
        return new TuningResult(space.Strategy, objective.Metric, trials, best, best.Describe(space.Dimensions), rungFolds, rows.Count,
            exhausted, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The folds each rung has scored by its end: factor^rung, capped at the inner fold count (1, 3 for 3 folds; 1, 3, 5 for 5).</summary>
    public static IReadOnlyList<int> RungFolds(int innerFolds, int factor)
    {
        var counts = new List<int>();
        for (var n = 1; ; n *= factor)
        {
            counts.Add(Math.Min(n, innerFolds));
            if (n >= innerFolds)
                return counts;
        }
    }

    /// <summary>Inner folds over <paramref name="rows"/> only, with indices into the data set.</summary>
    public static IReadOnlyList<Fold> InnerFolds(IReadOnlyList<int> rows, IReadOnlyList<int>? classes, TuningOptions options)
    {
        var spec = new SplitSpec(classes is null ? SplitKind.KFold : SplitKind.StratifiedKFold, options.InnerFolds, 1, options.Seed);
        IReadOnlyList<Fold> local;
        try { local = Splitter.Split(spec, rows.Count, classes is null ? null : rows.Select(r => classes[r]).ToArray()); }
        catch (ArgumentException ex)
        {
            throw new MMFuseInputException($"TuningOptions.InnerFolds: {options.InnerFolds} inner folds are not possible on {rows.Count} training rows: {ex.Message}", ex);
        }
        return local.Select(f => f with { Train = f.Train.Select(i => rows[i]).ToArray(), Test = f.Test.Select(i => rows[i]).ToArray() }).ToList();
    }

    /// <summary>Configurations best first by their mean after <paramref name="rung"/>; ties go to the earlier trial (the defaults first).</summary>
    private static List<int> Ranked(IReadOnlyList<int> configs, List<double>[] rungScores, int rung, bool higherIsBetter) => configs
        .OrderBy(c => double.IsFinite(rungScores[c][rung]) ? (higherIsBetter ? -rungScores[c][rung] : rungScores[c][rung]) : double.MaxValue)
        .ThenBy(c => c).ToList();

    private static double Mean(List<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count == 0 ? double.NaN : finite.Average();
    }
}
