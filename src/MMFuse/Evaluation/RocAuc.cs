namespace MMFuse.Evaluation;

/// <summary>Area under the ROC curve as the Mann–Whitney statistic with mid-ranks for tied scores, which equals the
/// trapezoidal area scikit-learn computes (a tie counts one half).</summary>
public static class RocAuc
{
    /// <summary>Binary: AUC of the class-1 probability. Multiclass: unweighted mean of one-vs-rest AUCs (scikit-learn's
    /// <c>multi_class="ovr", average="macro"</c>) over the classes that have both positive and negative rows;
    /// scikit-learn raises instead when a class is absent. NaN when no class qualifies.</summary>
    public static double MacroOneVsRest(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels, int classCount)
    {
        if (classCount == 2)
            return Binary(probabilities.Select(p => (double)p[1]).ToArray(), labels.Select(y => y == 1).ToArray());
        var aucs = Enumerable.Range(0, classCount)
            .Select(c => Binary(probabilities.Select(p => (double)p[c]).ToArray(), labels.Select(y => y == c).ToArray()))
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
}
