using System.Text.RegularExpressions;

namespace MMFuse.Features.Text;

/// <summary>
/// Splits a text into the terms tf-idf counts, mirroring scikit-learn's analyzers: lower-cased words
/// matching <c>(?u)\b\w\w+\b</c> joined into 1..n-grams, and <c>char_wb</c> character n-grams taken
/// inside each white-space separated word padded with one space on both sides. Word and character
/// terms get distinct prefixes so that the word "cat" and the trigram "cat" are different columns.
/// </summary>
internal static partial class TfidfAnalyzer
{
    public const string WordPrefix = "w:";
    public const string CharPrefix = "c:";

    [GeneratedRegex(@"\b\w\w+\b", RegexOptions.CultureInvariant)]
    private static partial Regex WordToken();

    /// <summary>Every term occurrence in <paramref name="text"/> (repeats kept, for term counts).</summary>
    public static List<string> Terms(string text, TfidfOptions options)
    {
        var lower = text.ToLowerInvariant();
        var terms = new List<string>();
        if (options.WordMinN > 0)
            AddWordNgrams(lower, options.WordMinN, options.WordMaxN, terms);
        if (options.CharMinN > 0)
            AddCharWbNgrams(lower, options.CharMinN, options.CharMaxN, terms);
        return terms;
    }

    private static void AddWordNgrams(string text, int minN, int maxN, List<string> terms)
    {
        var tokens = WordToken().Matches(text).Select(m => m.Value).ToArray();
        for (var n = minN; n <= Math.Min(maxN, tokens.Length); n++)
            for (var i = 0; i + n <= tokens.Length; i++)
                terms.Add(WordPrefix + string.Join(' ', tokens, i, n));
    }

    private static void AddCharWbNgrams(string text, int minN, int maxN, List<string> terms)
    {
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var padded = " " + word + " ";
            for (var n = minN; n <= maxN; n++)
            {
                // As scikit-learn: a padded word no longer than n yields itself once, and then no
                // longer n-grams either.
                if (padded.Length <= n)
                {
                    terms.Add(CharPrefix + padded);
                    break;
                }
                for (var offset = 0; offset + n <= padded.Length; offset++)
                    terms.Add(CharPrefix + padded.Substring(offset, n));
            }
        }
    }
}
