namespace MMFuse.Data;

/// <summary>The labels of one row of a multi-label table: the separated names in its label cell, or the names of its
/// label columns flagged 1 (<see cref="MultiLabelFlag"/>).</summary>
public static class MultiLabelCells
{
    /// <summary>The row's labels, each once, in cell (or column) order; <paramref name="cell"/> gives a column's value.</summary>
    public static IReadOnlyList<string> Of(DatasetSchema schema, Func<string, string?> cell)
    {
        if (schema.MoreLabels.Count > 0)
            return schema.LabelColumns.Where(c => cell(c) is { } v && MultiLabelFlag.TryParse(v, out var on) && on).ToList();
        var separator = schema.LabelSeparator ?? SchemaInferrer.DefaultLabelSeparator;
        return (cell(schema.Label!) ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
    }
}
