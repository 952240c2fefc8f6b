using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace MMFuse.Features.Text;

/// <summary>
/// Splits text the way Hugging Face's BERT BasicTokenizer does, which the MiniLM model was trained with:
/// every punctuation character is a token of its own, where "punctuation" is Unicode category P plus all ASCII
/// non-alphanumeric symbols (<c>$ + &lt; = &gt; ^ ` | ~</c>); CJK ideographs are single tokens; everything else
/// runs until white space. Microsoft.ML.Tokenizers' default (<c>\w+|[\p{P}]</c>) silently drops ASCII symbols
/// such as <c>|</c> (category Sm/Sk), so "hash key | hash" lost a token.
/// </summary>
internal static partial class HuggingFaceBasicPreTokenizer
{
    private const string Punctuation = @"\p{P}$+<=>^`|~";
    private const string Cjk = @"\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF";

    public static PreTokenizer Instance { get; } = new RegexPreTokenizer(Pattern(), null);

    [GeneratedRegex($"[{Punctuation}]|[{Cjk}]|[^\\s{Punctuation}{Cjk}]+")]
    private static partial Regex Pattern();
}
