using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Fusion;

/// <summary>
/// Out-of-fold predictions inside the training rows: an inner k-fold splits the rows given to <c>Fit</c>, and each
/// row is predicted by a learner (and normaliser) fitted without it. Late fusion learns its weights and stacking its
/// meta-learner from these, so no row's combined prediction was learned from that row's own label.
/// </summary>
internal static class OutOfFold
{
    /// <summary>Seeded inner folds: stratified for classification, plain k-fold for regression. The count shrinks to
    /// what the data allows (the largest class, the row count) but is at least 2.</summary>
    public static IReadOnlyList<Fold> Folds(float[] targets, TaskKind task, int folds, int seed)
    {
        if (folds < 2)
            throw new ArgumentException($"The inner cross-validation needs at least 2 folds, got {folds}.", nameof(folds));
        if (task == TaskKind.Regression)
            return Splitter.Split(new SplitSpec(SplitKind.KFold, Math.Min(folds, targets.Length), Seed: seed), targets.Length);
        var classes = targets.Select(t => (int)t).ToArray();
        var largest = targets.Length == 0 ? 0 : classes.GroupBy(c => c).Max(g => g.Count());
        var k = Math.Max(2, Math.Min(folds, largest));
        return Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, k, Seed: seed), targets.Length, classes);
    }

    /// <summary>Each row's prediction from the fold that held it out; null where the block is absent or the fold's
    /// training rows could not train a learner.</summary>
    public static float[]?[] Predict(FeatureBlock block, float[] targets, float[]? weights, BlockLearner learner, IReadOnlyList<Fold> folds)
    {
        var result = new float[]?[targets.Length];
        foreach (var fold in folds)
        {
            using var model = learner.Fit(FeatureBlocks.Subset(block, fold.Train), fold.Train.Select(i => targets[i]).ToArray(),
                weights is null ? null : fold.Train.Select(i => weights[i]).ToArray());
            if (model is null)
                continue;
            var predicted = model.Predict(FeatureBlocks.Subset(block, fold.Test));
            for (var i = 0; i < fold.Test.Length; i++)
                result[fold.Test[i]] = predicted[i];
        }
        return result;
    }
}
