namespace MMFuse.Data;

/// <summary>A problem with one data row: its 1-based number (header not counted), the column and the reason.</summary>
public sealed record DataIssue(long Row, long Line, string? Column, string Reason)
{
    /// <summary>The issue as one line: row (and file line when it differs), column and reason.</summary>
    public override string ToString()
    {
        var where = Line > 0 && Line != Row + 1 ? $"row {Row} (line {Line})" : $"row {Row}";
        return Column is null ? $"{where}: {Reason}" : $"{where}, column '{Column}': {Reason}";
    }
}
