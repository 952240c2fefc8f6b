using MMFuse.Fusion.Explanation;

namespace MMFuse.Evaluation.Analysis;

/// <summary>
/// Per-row modality explanations (exact Shapley values of the predicted class's probability) over the out-of-fold rows
/// of repeat 0, summarised per true class: the mean contribution of each modality, so the report can show which modality
/// carries which class. <see cref="Rows"/> keeps every row's explanation by data-set row index (for the wrong rows).
/// </summary>
/// <param name="Modalities">The modality names, in block order.</param>
/// <param name="ClassMeans">Per class index: the mean contribution per modality (NaN for a class with no rows).</param>
/// <param name="ClassCounts">Rows per class.</param>
/// <param name="Rows">Every explained row's explanation, by data-set row index.</param>
public sealed record ExplanationSummary(IReadOnlyList<string> Modalities, double[][] ClassMeans, int[] ClassCounts,
    IReadOnlyDictionary<int, ModalityExplanation> Rows)
{
    /// <summary>Summarises explanations of rows with the given true classes.</summary>
    public static ExplanationSummary Of(IReadOnlyDictionary<int, ModalityExplanation> rows, IReadOnlyDictionary<int, int> trueClass, int classCount)
    {
        var modalities = rows.Values.FirstOrDefault()?.Contributions.Select(c => c.Key).ToList() ?? [];
        var sums = Enumerable.Range(0, classCount).Select(_ => new double[modalities.Count]).ToArray();
        var counts = new int[classCount];
        foreach (var (row, explanation) in rows)
        {
            var c = trueClass[row];
            counts[c]++;
            for (var m = 0; m < modalities.Count; m++)
                sums[c][m] += explanation.Contributions[m].Value;
        }
        var means = sums.Select((s, c) => s.Select(v => counts[c] == 0 ? double.NaN : v / counts[c]).ToArray()).ToArray();
        return new ExplanationSummary(modalities, means, counts, rows);
    }
}
