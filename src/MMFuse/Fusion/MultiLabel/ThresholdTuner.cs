using MMFuse.Evaluation;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Fusion.MultiLabel;

/// <summary>
/// Per-label decision thresholds tuned out of fold inside the training rows: inner folds (iteratively stratified) each
/// fit the per-label models without their test rows and predict them; each label's threshold is then the one that
/// maximises that label's F1 over those out-of-fold probabilities. The rows scored by the outer fold are never seen.
/// </summary>
internal static class ThresholdTuner
{
    /// <summary>The threshold used when none is tuned (or a label has no positive training row).</summary>
    public const float Default = 0.5f;

    public static float[] Tune(BinaryRelevanceStrategy strategy, FusionTrainingSet train, bool[][] sets, int folds)
    {
        var labels = train.ClassCount;
        if (folds < 2 || train.Rows < 2 * folds)
            return Enumerable.Repeat(Default, labels).ToArray();
        var split = new SplitSpec(SplitKind.StratifiedKFold, folds, Seed: train.Seed);
        var outOfFold = new float[train.Rows][];
        foreach (var fold in Splitter.Split(split, train.Rows, labelSets: sets))
        {
            var models = strategy.FitLabels(train.Subset(fold.Train), fold.Train.Select(i => sets[i]).ToArray());
            try
            {
                var test = train.Blocks.Select(b => FeatureBlocks.Subset(b, fold.Test)).ToArray();
                var perLabel = models.Select(m => m.Predict(test)).ToArray();
                for (var i = 0; i < fold.Test.Length; i++)
                    outOfFold[fold.Test[i]] = perLabel.Select(p => p[i][1]).ToArray();
            }
            finally
            {
                foreach (var model in models)
                    model.Dispose();
            }
        }
        return Enumerable.Range(0, labels)
            .Select(l => BestF1(outOfFold.Select(p => p[l]).ToArray(), sets.Select(s => s[l]).ToArray())).ToArray();
    }

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
