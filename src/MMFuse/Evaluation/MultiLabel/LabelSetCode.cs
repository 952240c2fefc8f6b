namespace MMFuse.Evaluation.MultiLabel;

/// <summary>
/// A row's label set packed into the one float target every fold, runner and model file already carries: bit
/// <c>l</c> set when the row has label <c>l</c>. A float holds integers exactly up to 2^24, hence
/// <see cref="MaxLabels"/>; with it, folds, cluster jobs and ensembles pass multi-label targets on unchanged.
/// </summary>
public static class LabelSetCode
{
    /// <summary>The most labels a multi-label task may have.</summary>
    public const int MaxLabels = 24;

    /// <summary>The target of a row with the labels flagged in <paramref name="set"/>.</summary>
    public static float Encode(IReadOnlyList<bool> set)
    {
        if (set.Count > MaxLabels)
            throw new ArgumentException($"at most {MaxLabels} labels, got {set.Count}", nameof(set));
        var code = 0;
        for (var l = 0; l < set.Count; l++)
            if (set[l])
                code |= 1 << l;
        return code;
    }

    /// <summary>Whether the row with target <paramref name="code"/> has label <paramref name="label"/>.</summary>
    public static bool Has(float code, int label) => (((int)code >> label) & 1) == 1;

    /// <summary>The label set of target <paramref name="code"/> over <paramref name="labels"/> labels.</summary>
    public static bool[] Decode(float code, int labels) => Enumerable.Range(0, labels).Select(l => Has(code, l)).ToArray();

    /// <summary>Every row's label set.</summary>
    public static bool[][] Decode(IReadOnlyList<float> codes, int labels) => codes.Select(c => Decode(c, labels)).ToArray();
}
