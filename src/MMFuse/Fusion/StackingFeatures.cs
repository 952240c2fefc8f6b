using MMFuse.Features;

namespace MMFuse.Fusion;

/// <summary>
/// The meta-learner's input row: every (modality, base learner) prediction in modality-major order — the training
/// prior where the modality is absent or the base learner has no prediction — then the predictions of the bases on the
/// concatenated blocks (<see cref="StackingBases"/>), then one 1/0 presence indicator per
/// modality, then (passthrough) the normalised raw blocks.
/// </summary>
internal static class StackingFeatures
{
    /// <param name="predictions">Per (modality, base) in modality-major order, per row: a prediction or null.</param>
    /// <param name="present">Per modality, per row: whether the block is present.</param>
    /// <param name="prior">The training prior (class shares, or the mean), used where a prediction is missing.</param>
    /// <param name="passthrough">Normalised blocks appended as they are (empty without passthrough).</param>
    public static float[][] Build(IReadOnlyList<float[]?[]> predictions, IReadOnlyList<bool[]> present, float[] prior,
        IReadOnlyList<FeatureBlock> passthrough)
    {
        var rows = present[0].Length;
        var width = predictions.Count * prior.Length + present.Count + passthrough.Sum(b => b.Dimension);
        var result = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            var row = new float[width];
            var at = 0;
            foreach (var prediction in predictions)
            {
                (prediction[r] ?? prior).CopyTo(row, at);
                at += prior.Length;
            }
            foreach (var flags in present)
                row[at++] = flags[r] ? 1 : 0;
            foreach (var block in passthrough)
            {
                block.Rows[r].CopyTo(row, at);
                at += block.Dimension;
            }
            result[r] = row;
        }
        return result;
    }

    /// <summary>A name per meta-feature column, for reports: <c>image.logreg:p0</c>, then the concatenated bases'
    /// <c>all.logreg:p0</c>, <c>image:present</c>, <c>image:3</c>.</summary>
    /// <param name="modalities">The modalities with per-modality bases (none when the bases see only the concatenated blocks).</param>
    /// <param name="bases">The base learners.</param>
    /// <param name="width">Columns per prediction.</param>
    /// <param name="passthrough">The passed-through blocks.</param>
    /// <param name="present">The modalities with a presence indicator (all of them).</param>
    /// <param name="concatenated">The base learners on the concatenated blocks.</param>
    public static IReadOnlyList<string> Names(IReadOnlyList<string> modalities, IReadOnlyList<string> bases, int width,
        IReadOnlyList<(string Modality, int Dimension)> passthrough, IReadOnlyList<string> present, IReadOnlyList<string> concatenated)
    {
        var names = new List<string>();
        foreach (var m in modalities)
            foreach (var b in bases)
                names.AddRange(Enumerable.Range(0, width).Select(c => width == 1 ? $"{m}.{b}:value" : $"{m}.{b}:p{c}"));
        foreach (var b in concatenated)
            names.AddRange(Enumerable.Range(0, width).Select(c => width == 1 ? $"all.{b}:value" : $"all.{b}:p{c}"));
        names.AddRange(present.Select(m => $"{m}:present"));
        foreach (var (m, d) in passthrough)
            names.AddRange(Enumerable.Range(0, d).Select(c => $"{m}:{c}"));
        return names;
    }
}
