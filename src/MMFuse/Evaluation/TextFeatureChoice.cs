using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MMFuse.Evaluation.Jobs;
using MMFuse.Evaluation.Tuning;
using MMFuse.Features;
using MMFuse.Fusion;

namespace MMFuse.Evaluation;

/// <summary>
/// <c>--text-features auto</c>: for each text column in <see cref="FeatureSet.AutoText"/> (extracted with both a MiniLM
/// and a tf-idf block), keeps <c>minilm</c>, <c>tfidf</c> or <c>minilm+tfidf</c>, whichever scores best in a small
/// stratified inner cross-validation of early fusion with logistic regression on the given training rows only — the
/// training part of an outer fold, or every row when a model is trained — so the test rows of a fold take no part in
/// its choice. Columns are chosen one after another, each with the columns not yet chosen keeping both blocks and those
/// already chosen their choice. The inner folds are the tuner's (<see cref="Tuner.InnerFolds"/>), each fitted exactly
/// as cross-validation fits a strategy (tf-idf refitted on the inner training rows), so the choice is the same
/// wherever it runs. A choice is made once per (features, rows, seed) and shared by every strategy of a run.
/// </summary>
public static class TextFeatureChoice
{
    /// <summary>Inner folds per choice: few, because the learner only has to rank three block sets.</summary>
    public const int InnerFolds = 3;

    private static readonly ConditionalWeakTable<FeatureSet, ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, string>>>> Made = new();

    /// <summary>The work for fold <paramref name="foldIndex"/> with its features' auto text columns reduced to the fold's
    /// choice (in the features, their augmented variants and the test-time features alike); unchanged without auto columns.</summary>
    public static FoldWork ForFold(FoldWork work, int foldIndex)
    {
        if (work.Features.AutoText.Count == 0)
            return work;
        var choice = Choose(work, work.Folds[foldIndex].Train);
        return work with
        {
            Features = FeatureSelection.ApplyByColumn(work.Features, choice),
            Augmented = FeatureSelection.ApplyByColumn(work.Augmented, choice),
            TestFeatures = work.TestFeatures is null ? null : FeatureSelection.ApplyByColumn(work.TestFeatures, choice),
        };
    }

    /// <summary>Each fold's choice (column → <c>minilm</c>, <c>tfidf</c> or <c>minilm+tfidf</c>); empty when the
    /// features have no auto text column. Made once: a second call, or a fold job, reuses it.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> PerFold(FoldWork work) =>
        work.Folds.Select(f => work.Features.AutoText.Count == 0 ? new Dictionary<string, string>() : Choose(work, f.Train)).ToList();

    /// <summary>The choice made on <paramref name="rows"/> (indices into the work's features) only.</summary>
    public static IReadOnlyDictionary<string, string> Choose(FoldWork work, IReadOnlyList<int> rows)
    {
        // The rows and their targets decide the choice (with the seed and settings); the features are the table's key.
        var bytes = rows.SelectMany(r => BitConverter.GetBytes(r).Concat(BitConverter.GetBytes(work.Targets[r]))).ToArray();
        var key = $"{work.Seed}|{work.Task}|{work.Normalize}|{work.Weighting?.Classes}|{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))}";
        var byRows = Made.GetValue(work.Features, _ => new ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, string>>>());
        return byRows.GetOrAdd(key, _ => new Lazy<IReadOnlyDictionary<string, string>>(() => Search(work, rows))).Value;
    }

    /// <summary>A one-line account of per-fold choices: <c>body: tfidf in folds 1, 3; minilm+tfidf in fold 2</c>.</summary>
    public static string Describe(IReadOnlyList<IReadOnlyDictionary<string, string>> perFold)
    {
        var columns = perFold.SelectMany(c => c.Keys).Distinct().Order(StringComparer.Ordinal);
        return string.Join("; ", columns.Select(column => column + ": " + string.Join(", ", perFold
            .Select((c, f) => (Choice: c.GetValueOrDefault(column), Fold: f + 1)).Where(p => p.Choice is not null)
            .GroupBy(p => p.Choice!)
            .Select(g => g.Key + (perFold.Count == 1 ? "" : $" in fold{(g.Count() > 1 ? "s" : "")} {string.Join(", ", g.Select(p => p.Fold))}")))));
    }

    private static IReadOnlyDictionary<string, string> Search(FoldWork work, IReadOnlyList<int> rows)
    {
        var metric = Comparison.MainMetric(work.Task);
        var higherIsBetter = FoldScorer.HigherIsBetter(metric);
        var folds = Tuner.InnerFolds(rows, TunedCrossValidation.Classes(work), new TuningOptions(InnerFolds: Math.Min(InnerFolds, rows.Count), Seed: work.Seed));
        var learner = new EarlyFusionStrategy("logreg");
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        // The inner runs see the original rows only: no augmented variants, no test-time shift or absence.
        var plain = work with { Augmented = null, TestMissing = null, TestFeatures = null };
        foreach (var column in work.Features.AutoText)
        {
            string? best = null;
            var bestScore = 0.0;
            foreach (var candidate in FeatureSelection.Candidates)
            {
                var features = FeatureSelection.ApplyByColumn(work.Features, new Dictionary<string, string>(chosen) { [column] = candidate });
                // Columns not chosen yet keep both blocks and take no further part in the choice.
                features = features with { AutoText = [] };
                var inner = plain with { Features = features, Folds = folds };
                var score = Enumerable.Range(0, folds.Count).Average(f => CrossValidator.RunFold(inner, learner, f).Scores[metric]);
                if (best is null || (higherIsBetter ? score > bestScore : score < bestScore))
                    (best, bestScore) = (candidate, score);
            }
            chosen[column] = best!;
        }
        return chosen;
    }
}
