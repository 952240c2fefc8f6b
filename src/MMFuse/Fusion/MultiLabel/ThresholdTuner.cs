using MMFuse.Evaluation;
using MMFuse.Evaluation.MultiLabel;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Fusion.MultiLabel;

/// <summary>
/// Per-label decision thresholds tuned out of fold inside the training rows: inner folds (iteratively stratified) each
/// fit the multi-label model (one model per label, or one shared network) without their test rows and predict them; each label's threshold is then the one that
/// maximises that label's F1 over those out-of-fold probabilities. The rows scored by the outer fold are never seen.
/// </summary>
internal static class ThresholdTuner
{
    /// <summary>The threshold used when none is tuned (or a label has no positive training row).</summary>
    public const float Default = 0.5f;

    /// <param name="train">The training rows (targets are label-set codes).</param>
    /// <param name="sets">Each training row's label set.</param>
    /// <param name="folds">Inner folds; below 2 (or too few rows for them) every threshold stays <see cref="Default"/>.</param>
    /// <param name="fit">Fits a multi-label model on an inner fold's training part; its <see cref="MultiLabelOutput"/>
    /// rows give the out-of-fold probabilities (its own thresholds are not used).</param>
    public static float[] Tune(FusionTrainingSet train, bool[][] sets, int folds, Func<FusionTrainingSet, IFusionModel> fit)
    {
        var labels = train.ClassCount;
        if (folds < 2 || train.Rows < 2 * folds)
            return Untuned(labels);
        var split = new SplitSpec(SplitKind.StratifiedKFold, folds, Seed: train.Seed);
        var outOfFold = new float[train.Rows][];
        foreach (var fold in Splitter.Split(split, train.Rows, labelSets: sets))
        {
            using var model = fit(train.Subset(fold.Train));
            var predicted = model.Predict(FeatureBlocks.Subset(train.Blocks, fold.Test));
            for (var i = 0; i < fold.Test.Length; i++)
                outOfFold[fold.Test[i]] = predicted[i][..labels];
        }
        return Enumerable.Range(0, labels)
            .Select(l => BestF1(outOfFold.Select(p => p[l]).ToArray(), sets.Select(s => s[l]).ToArray())).ToArray();
    }

    /// <summary><see cref="Default"/> for each of <paramref name="labels"/> labels.</summary>
    public static float[] Untuned(int labels) => Enumerable.Repeat(Default, labels).ToArray();

    /// <summary>
    /// The threshold with the best F1 of "positive when the probability is at least it": the candidates are the distinct
    /// probabilities, and the one chosen is placed halfway down to the next lower probability, so a new row scored just
    /// below the lowest chosen training row is not dropped by a hair. No positive row: <see cref="Default"/>.
    /// </summary>
    public static float BestF1(float[] probabilities, bool[] positive)
    {
        var positives = positive.Count(p => p);
        if (positives == 0)
            return Default;
        var order = Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ToArray();
        var (bestF1, best) = (-1.0, Default);
        var truePositives = 0;
        for (var k = 0; k < order.Length; k++)
        {
            truePositives += positive[order[k]] ? 1 : 0;
            var value = probabilities[order[k]];
            if (k + 1 < order.Length && probabilities[order[k + 1]] == value)
                continue; // a threshold takes every row of a tied value or none
            var f1 = 2.0 * truePositives / (positives + k + 1);
            if (f1 > bestF1)
            {
                var next = k + 1 < order.Length ? probabilities[order[k + 1]] : 0f;
                (bestF1, best) = (f1, (value + next) / 2);
            }
        }
        return best;
    }
}
