namespace MMFuse.Data.Readers;

/// <summary>
/// Normalises a raw cell: surrounding white space is trimmed and the usual spellings of "no value"
/// (as pandas reads them by default) become null, so every reader agrees on what missing means.
/// </summary>
internal static class CellValue
{
    private static readonly HashSet<string> MissingTokens =
        new(StringComparer.Ordinal) { "", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "None", "<NA>" };

    public static string? Normalize(string? raw)
    {
        if (raw is null)
            return null;
        var trimmed = raw.Trim();
        return MissingTokens.Contains(trimmed) ? null : trimmed;
    }
}
