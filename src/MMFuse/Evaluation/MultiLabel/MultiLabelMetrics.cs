namespace MMFuse.Evaluation.MultiLabel;

/// <summary>
/// Multi-label scores as scikit-learn computes them from label-indicator matrices: <c>accuracy_score</c> (subset
/// accuracy), <c>hamming_loss</c>, <c>f1_score</c> with <c>average="micro" | "macro" | "samples"</c> (an undefined F1
/// counts 0, scikit-learn's <c>zero_division</c> default) and <c>roc_auc_score(average="macro")</c> over the labels
/// that have both positive and negative rows (scikit-learn raises instead; NaN when none has).
/// </summary>
public static class MultiLabelMetrics
{
    /// <summary>The metric names, main one (micro F1) first.</summary>
    public static readonly IReadOnlyList<string> Names = ["micro_f1", "samples_f1", "macro_f1", "subset_accuracy", "hamming_loss", "roc_auc"];

    /// <summary>Every metric of <see cref="Names"/> for true sets <paramref name="truth"/>, predicted sets
    /// <paramref name="predicted"/> and per-label probabilities <paramref name="scores"/> (rows × labels).</summary>
    public static Dictionary<string, double> Compute(IReadOnlyList<bool[]> truth, IReadOnlyList<bool[]> predicted, IReadOnlyList<float[]> scores)
    {
        var labels = truth.Count == 0 ? 0 : truth[0].Length;
        var perLabel = Enumerable.Range(0, labels).Select(l => Counts.Of(truth, predicted, l)).ToArray();
        var total = new Counts(perLabel.Sum(c => c.TruePositives), perLabel.Sum(c => c.FalsePositives), perLabel.Sum(c => c.FalseNegatives));
        var aucs = Enumerable.Range(0, labels)
            .Select(l => RocAuc.Binary(scores.Select(s => (double)s[l]).ToArray(), truth.Select(t => t[l]).ToArray()))
            .Where(a => !double.IsNaN(a)).ToArray();
        return new()
        {
            ["micro_f1"] = total.F1,
            ["samples_f1"] = truth.Count == 0 ? double.NaN : truth.Select((t, i) => SampleF1(t, predicted[i])).Average(),
            ["macro_f1"] = labels == 0 ? double.NaN : perLabel.Average(c => c.F1),
            ["subset_accuracy"] = truth.Count == 0 ? double.NaN : truth.Select((t, i) => t.SequenceEqual(predicted[i]) ? 1.0 : 0.0).Average(),
            ["hamming_loss"] = truth.Count * labels == 0 ? double.NaN
                : (double)(total.FalsePositives + total.FalseNegatives) / (truth.Count * labels),
            ["roc_auc"] = aucs.Length == 0 ? double.NaN : aucs.Average(),
        };
    }

    /// <summary>One label's scores: <c>precision_score</c>, <c>recall_score</c>, <c>f1_score</c> (undefined ones 0),
    /// <c>roc_auc_score</c> (NaN when the label is all one value) and the number of rows that have it.</summary>
    public static PerLabelScore Label(string name, IReadOnlyList<bool[]> truth, IReadOnlyList<bool[]> predicted, IReadOnlyList<float[]> scores, int label)
    {
        var c = Counts.Of(truth, predicted, label);
        var auc = RocAuc.Binary(scores.Select(s => (double)s[label]).ToArray(), truth.Select(t => t[label]).ToArray());
        return new PerLabelScore(name, c.TruePositives + c.FalseNegatives, c.Precision, c.Recall, c.F1, auc);
    }

    private static double SampleF1(bool[] truth, bool[] predicted)
    {
        var c = new Counts(0, 0, 0);
        for (var l = 0; l < truth.Length; l++)
            c = c.Add(truth[l], predicted[l]);
        return c.F1;
    }

    private readonly record struct Counts(int TruePositives, int FalsePositives, int FalseNegatives)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

        public double F1 => 2 * TruePositives + FalsePositives + FalseNegatives == 0 ? 0
            : 2.0 * TruePositives / (2 * TruePositives + FalsePositives + FalseNegatives);

        public Counts Add(bool truth, bool predicted) => new(
            TruePositives + (truth && predicted ? 1 : 0), FalsePositives + (!truth && predicted ? 1 : 0), FalseNegatives + (truth && !predicted ? 1 : 0));

        public static Counts Of(IReadOnlyList<bool[]> truth, IReadOnlyList<bool[]> predicted, int label)
        {
            var c = new Counts(0, 0, 0);
            for (var i = 0; i < truth.Count; i++)
                c = c.Add(truth[i][label], predicted[i][label]);
            return c;
        }
    }
}
