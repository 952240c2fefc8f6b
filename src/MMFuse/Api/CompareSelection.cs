using MMFuse.Evaluation;
using MMFuse.Evaluation.ModelSelection;
using MMFuse.Fusion;

namespace MMFuse;

/// <summary>
/// What <see cref="MultimodalDataset.Compare"/> selects for <c>--fusion best</c>. Flat: the leaderboard's winner.
/// Nested: ensemble selection over every strategy's fold predictions on all rows, and the honest score of doing so from
/// an outer cross-validation (the leaderboard's folds) whose inner one, inside each outer training part, makes the pick.
/// </summary>
internal static class CompareSelection
{
    /// <summary>The mode <paramref name="options"/> ask for, with <see cref="Selection.Auto"/> resolved for these rows, split
    /// and task. Ensemble selection averages class probabilities, which a multilabel model's outputs (probabilities and
    /// decisions per label) are not, so multilabel selection is flat.</summary>
    public static Selection Resolve(EvaluationOptions options, int rows, SplitSpec split, Data.TaskKind task) => options.Selection switch
    {
        Selection.Nested when task == Data.TaskKind.Multilabel =>
            throw new Data.MMFuseInputException("EvaluationOptions.Selection = Nested is not available for multilabel tasks; use Selection.Flat"),
        Selection.Auto => task != Data.TaskKind.Multilabel && rows <= options.SelectionOptions.NestedRowLimit && split.Kind != SplitKind.LeaveOneOut
            ? Selection.Nested : Selection.Flat,
        var chosen => chosen,
    };

    /// <summary>The nested selection over <paramref name="strategies"/> (their <paramref name="results"/> on <paramref name="folds"/>, in list order).</summary>
    public static (EnsembleChoice Choice, NestedSelectionResult Nested) Nested(PreparedData data, SplitSpec split, IReadOnlyList<Fold> folds,
        IReadOnlyList<IFusionStrategy> strategies, IReadOnlyList<CrossValidationResult> results, EvaluationOptions options, int threads,
        IProgress<MMFuseProgress>? progress, CancellationToken cancel)
    {
        // A strategy listed twice (the very object) is one candidate.
        var distinct = new HashSet<IFusionStrategy>(ReferenceEqualityComparer.Instance);
        var keep = Enumerable.Range(0, strategies.Count).Where(i => distinct.Add(strategies[i])).ToArray();
        var candidates = keep.Select(i => strategies[i]).ToArray();
        var outer = keep.Select(i => results[i]).ToArray();
        var selection = options.SelectionOptions;
        var choice = NestedSelection.SelectOnAll(candidates, outer, data.Targets, data.Task, selection);
        progress?.Report(new ProgressNote($"nested selection: an inner {selection.InnerFolds}-fold cross-validation in each of the {folds.Count} outer training parts picks the strategy or ensemble"));
        var grouped = split.Kind is SplitKind.GroupKFold or SplitKind.LeaveOneGroupOut ? data.Groups : null;
        var metric = Comparison.MainMetric(data.Task);
        var nested = NestedSelection.Run(data.Features, data.Targets, data.Task, data.ClassCount, folds, candidates, outer, grouped, options.Normalize,
            options.Seed, threads, selection, data.Augmented,
            (f, pick) => progress?.Report(new ProgressNote($"nested selection, outer fold {f + 1}/{folds.Count}: picked {pick.Strategy.Name} (inner {metric} {pick.Score:F4})")),
            cancel, data.Weighting(options));
        return (choice, nested);
    }
}
