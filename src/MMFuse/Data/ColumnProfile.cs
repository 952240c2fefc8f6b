using System.Globalization;

namespace MMFuse.Data;

/// <summary>
/// Streaming statistics of one column, enough to infer its role: counts of missing, numeric and file-like
/// values, distinct values (kept as 64-bit hashes, not strings, so a million rows stay cheap) and word counts.
/// </summary>
public sealed class ColumnProfile(string name)
{
    /// <summary>How many rows of values that are not image (audio) file names are remembered, to name them in a warning.</summary>
    public const int MaxOddRows = 10;

    private readonly HashSet<ulong> _distinct = [];
    private readonly List<long> _notImageRows = [];
    private readonly List<long> _notAudioRows = [];

    /// <summary>The column's name, as in the manifest's header.</summary>
    public string Name { get; } = name;
    /// <summary>Rows with a value in this column.</summary>
    public long NonEmpty { get; private set; }
    /// <summary>Rows with no value (an empty cell or a null).</summary>
    public long Missing { get; private set; }
    /// <summary>Values that parse as a finite number (invariant culture).</summary>
    public long Numeric { get; private set; }
    /// <summary>Numeric values with a fractional part, which rule out a categorical reading of a numeric
    /// column.</summary>
    public long Fractional { get; private set; }
    /// <summary>Values that end in an image file extension (see <see cref="FileSignature.ImageExtensions"/>).</summary>
    public long ImageFiles { get; private set; }
    /// <summary>Values that end in an audio file extension (see <see cref="FileSignature.AudioExtensions"/>).</summary>
    public long AudioFiles { get; private set; }
    /// <summary>Words (runs of letters or digits) over all values, for <see cref="MeanWords"/>.</summary>
    public long Words { get; private set; }
    /// <summary>Values that contain whitespace; unique values without any look like identifiers rather than
    /// text.</summary>
    public long WithWhitespace { get; private set; }
    /// <summary>The first value seen, shown as the column's example; null when every value is missing.</summary>
    public string? Example { get; private set; }

    /// <summary>Distinct values, counted by 64-bit hash (so a hash collision could, very rarely, undercount).</summary>
    public long Distinct => _distinct.Count;

    /// <summary>The first <see cref="MaxOddRows"/> rows whose value is not an image file name (when rows were given to <see cref="Add"/>).</summary>
    public IReadOnlyList<long> NotImageRows => _notImageRows;

    /// <summary>The first <see cref="MaxOddRows"/> rows whose value is not an audio file name (when rows were given to <see cref="Add"/>).</summary>
    public IReadOnlyList<long> NotAudioRows => _notAudioRows;

    /// <summary>The share of present values that are numbers, 0 to 1.</summary>
    public double NumericShare => NonEmpty == 0 ? 0 : (double)Numeric / NonEmpty;
    /// <summary>The mean number of words per present value; long values point to text, short ones to
    /// categories.</summary>
    public double MeanWords => NonEmpty == 0 ? 0 : (double)Words / NonEmpty;

    /// <summary>Counts one cell; null means missing.</summary>
    /// <param name="value">The cell's value, or null when it is missing.</param>
    /// <param name="row">The 1-based data row, remembered for the odd values of a file column; 0 when not known.</param>
    public void Add(string? value, long row = 0)
    {
        if (value is null)
        {
            Missing++;
            return;
        }
        NonEmpty++;
        Example ??= value;
        _distinct.Add(Hash(value));
        if (TryParseNumber(value, out var number))
        {
            Numeric++;
            if (number != Math.Floor(number)) Fractional++;
        }
        var image = FileSignature.HasImageExtension(value);
        var audio = !image && FileSignature.HasAudioExtension(value);
        if (image) ImageFiles++;
        if (audio) AudioFiles++;
        if (row > 0 && !image && _notImageRows.Count < MaxOddRows) _notImageRows.Add(row);
        if (row > 0 && !audio && _notAudioRows.Count < MaxOddRows) _notAudioRows.Add(row);
        Words += CountWords(value);
        if (value.Any(char.IsWhiteSpace)) WithWhitespace++;
    }

    /// <summary>Parses <paramref name="value"/> as a finite number in the invariant culture; NaN and infinities do not
    /// count.</summary>
    public static bool TryParseNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    private static int CountWords(string value)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in value)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    /// <summary>FNV-1a over UTF-16 code units: stable across runs, and with 64 bits collisions are negligible at a million values.</summary>
    internal static ulong Hash(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }
        return hash;
    }
}
