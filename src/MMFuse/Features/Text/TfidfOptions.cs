namespace MMFuse.Features.Text;

/// <summary>Settings for <see cref="TfidfFeaturizer"/>; the defaults follow scikit-learn's
/// <c>TfidfVectorizer(sublinear_tf=True)</c> with word 1–2-grams plus <c>char_wb</c> 3–5-grams.</summary>
/// <param name="MaxFeatures">Columns kept, the terms in the most training documents (ties by term), so
/// the width stays bounded however large the training set.</param>
/// <param name="MinDf">A term must occur in at least this many training documents: rarer ones cannot
/// generalise and would only widen the matrix.</param>
/// <param name="WordMinN">Shortest word n-gram.</param>
/// <param name="WordMaxN">Longest word n-gram.</param>
/// <param name="CharMinN">Shortest character n-gram (within word boundaries, as <c>char_wb</c>).</param>
/// <param name="CharMaxN">Longest character n-gram.</param>
public sealed record TfidfOptions(
    int MaxFeatures = 20000,
    int MinDf = 2,
    int WordMinN = 1,
    int WordMaxN = 2,
    int CharMinN = 3,
    int CharMaxN = 5)
{
    internal void Validate()
    {
        if (MaxFeatures < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxFeatures), MaxFeatures, "Max features must be at least 1.");
        if (MinDf < 1)
            throw new ArgumentOutOfRangeException(nameof(MinDf), MinDf, "Min df must be at least 1.");
        CheckRange(WordMinN, WordMaxN, "word");
        CheckRange(CharMinN, CharMaxN, "character");
        if (WordMinN == 0 && CharMinN == 0)
            throw new ArgumentException("At least one of word or character n-grams must be enabled.");
    }

    // 0..0 switches a family off.
    private static void CheckRange(int min, int max, string family)
    {
        if (min == 0 && max == 0)
            return;
        if (min < 1 || max < min)
            throw new ArgumentOutOfRangeException(family, $"Invalid {family} n-gram range {min}..{max}.");
    }
}
