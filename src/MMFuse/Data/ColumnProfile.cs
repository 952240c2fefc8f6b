using System.Globalization;

namespace MMFuse.Data;

/// <summary>
/// Streaming statistics of one column, enough to infer its role: counts of missing, numeric and file-like
/// values, distinct values (kept as 64-bit hashes, not strings, so a million rows stay cheap) and word counts.
/// </summary>
public sealed class ColumnProfile(string name)
{
    private readonly HashSet<ulong> _distinct = [];

    public string Name { get; } = name;
    public long NonEmpty { get; private set; }
    public long Missing { get; private set; }
    public long Numeric { get; private set; }
    public long Fractional { get; private set; }
    public long ImageFiles { get; private set; }
    public long AudioFiles { get; private set; }
    public long Words { get; private set; }
    public long WithWhitespace { get; private set; }
    public string? Example { get; private set; }

    public long Distinct => _distinct.Count;

    public double NumericShare => NonEmpty == 0 ? 0 : (double)Numeric / NonEmpty;
    public double MeanWords => NonEmpty == 0 ? 0 : (double)Words / NonEmpty;

    public void Add(string? value)
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
        if (FileSignature.HasImageExtension(value)) ImageFiles++;
        else if (FileSignature.HasAudioExtension(value)) AudioFiles++;
        Words += CountWords(value);
        if (value.Any(char.IsWhiteSpace)) WithWhitespace++;
    }

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
