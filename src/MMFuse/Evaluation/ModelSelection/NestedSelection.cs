using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;

namespace MMFuse.Evaluation.ModelSelection;

/// <summary>
/// Model selection scored without bias. Picking the leaderboard's winner on the folds that score it reports the
/// maximum of many noisy scores, which is optimistic. Here each outer fold's training part alone runs an inner
/// cross-validation of every candidate, <see cref="EnsembleSelection"/> picks from those inner out-of-fold predictions,
/// and the pick is scored on the outer test rows. The outer predictions are the candidates' own outer-fold predictions
/// (each already trained on exactly that outer training part), combined as the pick combines them, so the outer
/// level costs no training; the inner level refits every candidate outer folds × inner folds × repeats times on the
/// already extracted features, each fold fitting its own preprocessing (tf-idf, normalisers) on its training rows.
/// </summary>
public static class NestedSelection
{
    /// <summary>The nested score of selecting among <paramref name="candidates"/>, whose results on
    /// <paramref name="outerFolds"/> are <paramref name="outer"/> (in candidate order, e.g. from
    /// <see cref="Comparison.RunAll"/>). <paramref name="groups"/>, when the outer folds are grouped, keeps each group
    /// within one inner fold too. <paramref name="onFold"/> hears of each outer fold's pick.</summary>
    public static NestedSelectionResult Run(FeatureSet features, float[] targets, TaskKind task, int classCount, IReadOnlyList<Fold> outerFolds,
        IReadOnlyList<IFusionStrategy> candidates, IReadOnlyList<CrossValidationResult> outer, IReadOnlyList<string>? groups, NormalizeMode normalize,
        int seed, int parallelism, SelectionOptions options, IReadOnlyList<FeatureSet>? augmented = null, Action<int, EnsembleChoice>? onFold = null,
        CancellationToken cancel = default, SampleWeighting? weighting = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (candidates.Count != outer.Count)
            throw new ArgumentException($"{outer.Count} outer results for {candidates.Count} candidates.", nameof(outer));
        var clock = Stopwatch.StartNew();
        var folds = new List<NestedFold>();
        for (var f = 0; f < outerFolds.Count; f++)
        {
            cancel.ThrowIfCancellationRequested();
            var outerFold = outerFolds[f];
            var innerFolds = InnerFolds(targets, task, outerFold.Train, groups, options, seed + 7919 * (f + 1));
            var inner = Comparison.RunAll(features, targets, task, classCount, innerFolds, candidates, normalize, seed, parallelism,
                augmented: augmented, cancel: cancel, weighting: weighting);
            var rows = innerFolds.SelectMany(i => i.Test).Select(i => targets[i]).ToArray();
            var choice = EnsembleSelection.Select(candidates, inner.Select(r => r.FoldPredictions.SelectMany(p => p).ToArray()).ToArray(), rows, task,
                options.EnsembleRounds);
            var predictions = Combine(choice.Strategy, candidates, outer.Select(r => r.FoldPredictions[f]).ToArray());
            folds.Add(new NestedFold(choice, FoldScorer.Score(task, classCount, predictions, outerFold.Test.Select(i => targets[i]).ToArray(),
                weighting?.ForTest(outerFold.Test)), predictions));
            onFold?.Invoke(f, choice);
        }
        var metrics = FoldScorer.MetricNames(task).ToDictionary(m => m, m => MetricSummary.Of(folds.Select(s => s.Scores[m]).ToArray()));
        return new NestedSelectionResult(options.InnerFolds, options.InnerRepeats, folds, metrics, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The pick among <paramref name="candidates"/> by ensemble selection over their pooled fold predictions
    /// (<paramref name="results"/>, in candidate order): what <c>--fusion best</c> trains on all rows.</summary>
    public static EnsembleChoice SelectOnAll(IReadOnlyList<IFusionStrategy> candidates, IReadOnlyList<CrossValidationResult> results, float[] targets,
        TaskKind task, SelectionOptions options)
    {
        options.Validate();
        var folds = results[0].Folds;
        var rows = folds.SelectMany(f => f.Test).Select(i => targets[i]).ToArray();
        return EnsembleSelection.Select(candidates, results.Select(r => r.FoldPredictions.SelectMany(p => p).ToArray()).ToArray(), rows, task,
            options.EnsembleRounds);
    }

    /// <summary>The pick's predictions from the candidates' <paramref name="predictions"/> of the same rows, averaged
    /// as <see cref="EnsembleStrategy"/> averages them, so they equal what the trained pick would predict.</summary>
    private static float[][] Combine(IFusionStrategy pick, IReadOnlyList<IFusionStrategy> candidates, IReadOnlyList<float[][]> predictions)
    {
        float[][] Of(IFusionStrategy s) => predictions[IndexOf(candidates, s)];
        return pick is EnsembleStrategy ensemble && IndexOf(candidates, pick, orNone: true) < 0
            ? EnsembleStrategy.Average(ensemble.Members.Select(Of).ToArray())
            : Of(pick);
    }

    private static int IndexOf(IReadOnlyList<IFusionStrategy> candidates, IFusionStrategy strategy, bool orNone = false)
    {
        for (var i = 0; i < candidates.Count; i++)
            if (ReferenceEquals(candidates[i], strategy))
                return i;
        return orNone ? -1 : throw new InvalidOperationException($"'{strategy.Name}' is not among the candidates");
    }

    /// <summary>The inner folds over an outer training part (row indices into the whole data): grouped when
    /// <paramref name="groups"/> are given, stratified for classification, plain k-fold for regression.</summary>
    internal static IReadOnlyList<Fold> InnerFolds(float[] targets, TaskKind task, int[] train, IReadOnlyList<string>? groups, SelectionOptions options,
        int seed)
    {
        IReadOnlyList<Fold> local;
        if (groups is not null)
        {
            var trainGroups = train.Select(i => groups[i]).ToArray();
            var count = trainGroups.Distinct(StringComparer.Ordinal).Count();
            if (count < 2)
                throw new MMFuseInputException($"EvaluationOptions.Selection: an outer training part holds {count} group(s); the grouped inner cross-validation of nested selection needs 2 (choose flat)");
            local = Splitter.Split(new SplitSpec(SplitKind.GroupKFold, Math.Min(options.InnerFolds, count), options.InnerRepeats, seed), train.Length,
                groups: trainGroups);
        }
        else if (task == TaskKind.Regression)
            local = Splitter.Split(new SplitSpec(SplitKind.KFold, Math.Min(options.InnerFolds, train.Length), options.InnerRepeats, seed), train.Length);
        else
            local = Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, Math.Min(options.InnerFolds, train.Length), options.InnerRepeats, seed),
                train.Length, train.Select(i => (int)targets[i]).ToArray());
        return local.Select(f => new Fold(f.Repeat, f.Index, f.Train.Select(i => train[i]).ToArray(), f.Test.Select(i => train[i]).ToArray())).ToList();
    }
}
