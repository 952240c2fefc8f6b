namespace MMFuse.Evaluation;

/// <summary>Classification metrics from class-probability rows and true class indices, with scikit-learn's
/// definitions (checked against it by a committed fixture). The predicted class is the first arg-max.</summary>
public static class ClassificationMetrics
{
    /// <summary>Probabilities are clipped to [eps, 1-eps] (then rows renormalised) for log-loss, as scikit-learn's
    /// <c>log_loss(eps=1e-15)</c>, so one confident mistake costs about 34.5 instead of infinity.</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>Expected calibration error: 15 equal-width bins (i/15, (i+1)/15] of the top-class probability
    /// (confidence); ECE = Σ_bins (rows in bin / rows) · |accuracy in bin − mean confidence in bin| (Guo et al. 2017).</summary>
    public const int CalibrationBins = 15;

    /// <summary>Every metric of the report at once, from one probability row per example and the true class
    /// indices; weighted by <paramref name="weights"/> (scikit-learn's <c>sample_weight</c>) when given, NaN everywhere
    /// when they sum to 0. The confusion matrix counts rows either way.</summary>
    public static ClassificationReport Compute(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels, int classCount,
        IReadOnlyList<float>? weights = null)
    {
        Check(probabilities, labels, classCount);
        WeightChecks.Check(weights, labels.Count);
        var predicted = PredictedClasses(probabilities);
        var confusion = ConfusionMatrix(labels, predicted, classCount);
        if (weights is not null && !(weights.Sum(w => (double)w) > 0))
            return new ClassificationReport(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, confusion);
        var weighted = WeightedConfusion(labels, predicted, classCount, weights);
        return new ClassificationReport(
            Accuracy(labels, predicted, weights),
            BalancedAccuracy(weighted),
            MacroF1(weighted, confusion),
            LogLoss(probabilities, labels, weights),
            RocAuc.MacroOneVsRest(probabilities, labels, classCount, weights),
            ExpectedCalibrationError(probabilities, labels, weights),
            confusion);
    }

    /// <summary>Each row's predicted class: the index of its largest probability (the first, on ties).</summary>
    public static int[] PredictedClasses(IReadOnlyList<float[]> probabilities) =>
        probabilities.Select(p => Array.IndexOf(p, p.Max())).ToArray();

    /// <summary>The share of rows (of the rows' weight, with <paramref name="weights"/>) whose predicted class is the true one.</summary>
    public static double Accuracy(IReadOnlyList<int> labels, IReadOnlyList<int> predicted, IReadOnlyList<float>? weights = null)
    {
        double correct = 0, total = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var w = WeightChecks.At(weights, i);
            correct += labels[i] == predicted[i] ? w : 0;
            total += w;
        }
        return correct / total;
    }

    /// <summary>Counts by true class (rows) and predicted class (columns), <paramref name="classCount"/> ×
    /// <paramref name="classCount"/>.</summary>
    public static int[][] ConfusionMatrix(IReadOnlyList<int> labels, IReadOnlyList<int> predicted, int classCount)
    {
        var m = Enumerable.Range(0, classCount).Select(_ => new int[classCount]).ToArray();
        for (var i = 0; i < labels.Count; i++)
            m[labels[i]][predicted[i]]++;
        return m;
    }

    /// <summary>The confusion matrix with each row counting its weight (1 without weights).</summary>
    public static double[][] WeightedConfusion(IReadOnlyList<int> labels, IReadOnlyList<int> predicted, int classCount, IReadOnlyList<float>? weights)
    {
        var m = Enumerable.Range(0, classCount).Select(_ => new double[classCount]).ToArray();
        for (var i = 0; i < labels.Count; i++)
            m[labels[i]][predicted[i]] += WeightChecks.At(weights, i);
        return m;
    }

    /// <summary>Mean recall over the classes that occur in the labels (scikit-learn drops the others).</summary>
    public static double BalancedAccuracy(int[][] confusion) => BalancedAccuracy(ToDouble(confusion));

    /// <summary>Mean (weighted) recall over the classes with weight in the labels (scikit-learn drops the others).</summary>
    public static double BalancedAccuracy(double[][] confusion) => Enumerable.Range(0, confusion.Length)
        .Where(c => confusion[c].Sum() > 0)
        .Average(c => confusion[c][c] / confusion[c].Sum());

    /// <summary>Mean F1 = 2TP / (2TP + FP + FN) over the classes that occur in the labels or the predictions
    /// (scikit-learn's label set); a class never predicted correctly scores 0.</summary>
    public static double MacroF1(int[][] confusion) => MacroF1(ToDouble(confusion));

    /// <summary>Macro F1 of a (weighted) confusion matrix, as <see cref="MacroF1(int[][])"/>. The classes averaged over are
    /// those that occur in <paramref name="counts"/> (the unweighted matrix; the weighted one when null), as scikit-learn
    /// picks its labels before weighting: a class seen only in rows of weight 0 scores 0.</summary>
    public static double MacroF1(double[][] confusion, int[][]? counts = null)
    {
        var k = confusion.Length;
        var scores = new List<double>();
        for (var c = 0; c < k; c++)
        {
            var tp = confusion[c][c];
            var actual = confusion[c].Sum();
            var predicted = Enumerable.Range(0, k).Sum(r => confusion[r][c]);
            var occurs = counts is null ? actual + predicted > 0 : counts[c].Sum() + Enumerable.Range(0, k).Sum(r => counts[r][c]) > 0;
            if (occurs)
                scores.Add(actual + predicted > 0 ? 2.0 * tp / (actual + predicted) : 0);
        }
        return scores.Average();
    }

    private static double[][] ToDouble(int[][] confusion) => confusion.Select(row => row.Select(v => (double)v).ToArray()).ToArray();

    /// <summary>(Weighted) mean negative log of the true class's probability, clipped to [<see cref="LogLossEpsilon"/>, 1 − eps]
    /// and renormalised first.</summary>
    public static double LogLoss(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels, IReadOnlyList<float>? weights = null)
    {
        double total = 0, totalWeight = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var row = probabilities[i];
            double sum = 0;
            foreach (var p in row)
                sum += Clip(p);
            var w = WeightChecks.At(weights, i);
            total -= w * Math.Log(Clip(row[labels[i]]) / sum);
            totalWeight += w;
        }
        return total / totalWeight;
    }

    /// <summary>Expected calibration error over <see cref="CalibrationBins"/> bins of the top-class probability, 0
    /// (calibrated) to 1. With <paramref name="weights"/> each row counts its weight in its bin's share, accuracy and
    /// confidence.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels, IReadOnlyList<float>? weights = null)
    {
        var count = new double[CalibrationBins];
        double totalWeight = 0;
        var correct = new double[CalibrationBins];
        var confidence = new double[CalibrationBins];
        for (var i = 0; i < labels.Count; i++)
        {
            var row = probabilities[i];
            double top = row.Max();
            var bin = CalibrationBin(top);
            var w = WeightChecks.At(weights, i);
            count[bin] += w;
            totalWeight += w;
            confidence[bin] += w * top;
            correct[bin] += Array.IndexOf(row, row.Max()) == labels[i] ? w : 0;
        }
        double ece = 0;
        for (var b = 0; b < CalibrationBins; b++)
        {
            if (count[b] > 0)
                ece += count[b] / totalWeight * Math.Abs(correct[b] / count[b] - confidence[b] / count[b]);
        }
        return ece;
    }

    /// <summary>The bin (i/15, (i+1)/15] holding a confidence; 0 goes to the first bin.</summary>
    internal static int CalibrationBin(double confidence) =>
        Math.Clamp((int)Math.Ceiling(confidence * CalibrationBins) - 1, 0, CalibrationBins - 1);

    private static double Clip(float p) => Math.Clamp(p, LogLossEpsilon, 1 - LogLossEpsilon);

    private static void Check(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        if (classCount < 2)
            throw new ArgumentException($"Classification metrics need at least 2 classes, got {classCount}.", nameof(classCount));
        if (probabilities.Count != labels.Count || labels.Count == 0)
            throw new ArgumentException($"Need equally many probability rows and labels (>0), got {probabilities.Count} and {labels.Count}.");
        for (var i = 0; i < labels.Count; i++)
        {
            if (probabilities[i].Length != classCount)
                throw new ArgumentException($"Probability row {i} has {probabilities[i].Length} values, expected {classCount}.", nameof(probabilities));
            if (probabilities[i].Any(p => !float.IsFinite(p) || p < 0))
                throw new ArgumentException($"Probability row {i} holds a negative or non-finite value.", nameof(probabilities));
            if (labels[i] < 0 || labels[i] >= classCount)
                throw new ArgumentException($"Label {labels[i]} at row {i} is not a class index in 0..{classCount - 1}.", nameof(labels));
        }
    }
}
