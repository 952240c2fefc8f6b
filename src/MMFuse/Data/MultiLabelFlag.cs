namespace MMFuse.Data;

/// <summary>A cell of a multi-label 0/1 label column: 0 or 1 (as numbers, so "1.0" counts), or true / false.</summary>
public static class MultiLabelFlag
{
    /// <summary>Reads <paramref name="cell"/> as a flag; false when it is none of the accepted values.</summary>
    public static bool TryParse(string cell, out bool value)
    {
        value = false;
        if (bool.TryParse(cell, out value))
            return true;
        if (!ColumnProfile.TryParseNumber(cell, out var number) || number is not (0 or 1))
            return false;
        value = number == 1;
        return true;
    }
}
