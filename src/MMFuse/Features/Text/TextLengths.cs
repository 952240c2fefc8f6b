namespace MMFuse.Features.Text;

/// <summary>
/// How the default text choice tells a column of long texts (an email, a review, a manual page) from one of short ones
/// (a caption, a title): by the median length of its non-blank texts. MiniLM reads 256 word pieces at a time, about
/// 1,000 characters of English; past that a long text is read in windows that are averaged, and a tf-idf block beside
/// the MiniLM block keeps the words a sentence embedding of many windows blurs (docs/text-features.md). Only the texts
/// are looked at, never the label, as the image choice looks at the images' sizes.
/// </summary>
public static class TextLengths
{
    /// <summary>Median characters above which a column counts as long: about one MiniLM window of English.</summary>
    public const int LongTextCharacters = 1000;

    /// <summary>The median length, in characters, of the non-blank texts (0 when there are none).</summary>
    public static double MedianCharacters(IEnumerable<string?> texts)
    {
        var lengths = texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Length).Order().ToArray();
        if (lengths.Length == 0)
            return 0;
        var mid = lengths.Length / 2;
        return lengths.Length % 2 == 1 ? lengths[mid] : (lengths[mid - 1] + lengths[mid]) / 2.0;
    }

    /// <summary>True when the texts' median length is above <see cref="LongTextCharacters"/>.</summary>
    public static bool AreLong(IEnumerable<string?> texts) => IsLong(MedianCharacters(texts));

    /// <summary>True when a median length of <paramref name="medianCharacters"/> makes a column long.</summary>
    public static bool IsLong(double medianCharacters) => medianCharacters > LongTextCharacters;
}
