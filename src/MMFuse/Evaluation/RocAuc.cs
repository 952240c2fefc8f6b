namespace MMFuse.Evaluation;

/// <summary>Area under the ROC curve as the Mann–Whitney statistic with mid-ranks for tied scores, which equals the
/// trapezoidal area scikit-learn computes (a tie counts one half).</summary>
public static class RocAuc
{
    /// <summary>Binary: AUC of the class-1 probability. Multiclass: unweighted mean of one-vs-rest AUCs (scikit-learn's
    /// <c>multi_class="ovr", average="macro"</c>) over the classes that have both positive and negative rows;
    /// scikit-learn raises instead when a class is absent. NaN when no class qualifies.</summary>
    /// <param name="probabilities">One probability row per example.</param>
    /// <param name="labels">True class indices.</param>
    /// <param name="classCount">Classes; 2 for binary.</param>
    /// <param name="weights">Sample weights (scikit-learn's <c>sample_weight</c>); null for none.</param>
    public static double MacroOneVsRest(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels, int classCount,
        IReadOnlyList<float>? weights = null)
    {
        double Auc(double[] scores, bool[] positive) => weights is null ? Binary(scores, positive) : WeightedBinary(scores, positive, weights);
        if (classCount == 2)
            return Auc(probabilities.Select(p => (double)p[1]).ToArray(), labels.Select(y => y == 1).ToArray());
        var aucs = Enumerable.Range(0, classCount)
            .Select(c => Auc(probabilities.Select(p => (double)p[c]).ToArray(), labels.Select(y => y == c).ToArray()))
            .Where(a => !double.IsNaN(a))
            .ToArray();
        return aucs.Length == 0 ? double.NaN : aucs.Average();
    }

    /// <summary>NaN when all rows are positive or all negative.</summary>
    public static double Binary(double[] scores, bool[] positive)
    {
        var n = scores.Length;
        var positives = positive.Count(p => p);
        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
            return double.NaN;
        var order = Enumerable.Range(0, n).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]])
                end++;
            var midRank = (start + end) / 2.0 + 1; // 1-based average rank of the tied run
            for (var j = start; j <= end; j++)
            {
                if (positive[order[j]])
                    positiveRankSum += midRank;
            }
            start = end + 1;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>The weighted AUC scikit-learn computes with <c>sample_weight</c> (the trapezoidal area under the weighted
    /// ROC curve), as the weighted Mann–Whitney statistic: over positive–negative pairs, Σ w⁺w⁻ · [score⁺ &gt; score⁻]
    /// (a tie counts one half) / (W⁺ W⁻). NaN when the positive or the negative rows weigh nothing.</summary>
    public static double WeightedBinary(double[] scores, bool[] positive, IReadOnlyList<float> weights)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        double negativesBelow = 0, pairs = 0, positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
                end++;
            double tiedPositive = 0, tiedNegative = 0;
            for (var j = start; j <= end; j++)
            {
                if (positive[order[j]])
                    tiedPositive += weights[order[j]];
                else
                    tiedNegative += weights[order[j]];
            }
            pairs += tiedPositive * (negativesBelow + tiedNegative / 2);
            negativesBelow += tiedNegative;
            positives += tiedPositive;
            start = end + 1;
        }
        return positives > 0 && negativesBelow > 0 ? pairs / (positives * negativesBelow) : double.NaN;
    }
}
