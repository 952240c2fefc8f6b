using MMFuse.Data;

namespace MMFuse.Features.Preprocessing;

/// <summary>
/// The raw cells of one numeric or categorical manifest column, one per row in row order; null = missing
/// (the readers already turned "", "NA", "NaN", ... into null).
/// </summary>
public sealed record TabularColumn(string Name, ColumnRole Role, IReadOnlyList<string?> Values)
{
    /// <summary>
    /// The numeric and categorical columns of <paramref name="schema"/>, in schema order, gathered from raw
    /// manifest records (each indexed by <see cref="ColumnSchema.Index"/>).
    /// </summary>
    public static IReadOnlyList<TabularColumn> FromRows(DatasetSchema schema, IReadOnlyList<string?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        return schema.Columns
            .Where(c => c.Role is ColumnRole.Numeric or ColumnRole.Categorical)
            .Select(c => new TabularColumn(c.Name, c.Role, rows.Select(r => r[c.Index]).ToArray()))
            .ToArray();
    }
}
