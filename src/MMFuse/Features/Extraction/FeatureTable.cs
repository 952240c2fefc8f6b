using MMFuse.Data;

namespace MMFuse.Features.Extraction;

/// <summary>
/// The feature-relevant cells of a validated manifest, column by column, in row order: what extraction needs,
/// gathered in the validation pass so the manifest is read only twice (profile, validate) in all.
/// </summary>
public sealed class FeatureTable
{
    private FeatureTable(InspectionResult inspection, IReadOnlyList<long> rows, IReadOnlyList<string> ids,
        IReadOnlyDictionary<string, IReadOnlyList<FeatureCell>> cells, IReadOnlyDictionary<string, IReadOnlyList<string?>> values)
    {
        Inspection = inspection;
        Rows = rows;
        Ids = ids;
        Cells = cells;
        Values = values;
    }

    /// <summary>What validation found: the schema, column statistics, skipped rows, absent cells, notes and data warnings.</summary>
    public InspectionResult Inspection { get; }

    /// <summary>The 1-based data row number of each kept row.</summary>
    public IReadOnlyList<long> Rows { get; }

    /// <summary>The id of each kept row: the id column's value, else the row number.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Cells of each image, audio and text column.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FeatureCell>> Cells { get; }

    /// <summary>Raw values of the label, group, text, numeric and categorical columns (null = missing), for what is fitted per fold.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string?>> Values { get; }

    /// <summary>Each column's role, and the label.</summary>
    public DatasetSchema Schema => Inspection.Schema;

    /// <summary>A table from cells gathered elsewhere (rows built in code), already checked.</summary>
    internal static FeatureTable FromRows(InspectionResult inspection, IReadOnlyList<long> rows, IReadOnlyList<string> ids,
        IReadOnlyDictionary<string, IReadOnlyList<FeatureCell>> cells, IReadOnlyDictionary<string, IReadOnlyList<string?>> values) =>
        new(inspection, rows, ids, cells, values);

    /// <summary>Validates the manifest (bad rows follow <paramref name="policy"/>) and gathers the cells of the rows kept.</summary>
    public static FeatureTable Load(Manifest manifest, SchemaOptions options, BadRowPolicy policy)
    {
        var rows = new List<long>();
        var ids = new List<string>();
        var cells = new Dictionary<string, List<FeatureCell>>(StringComparer.Ordinal);
        var values = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        var inspection = ManifestInspector.Inspect(manifest, options, policy, (row, schema) =>
        {
            rows.Add(row.Number);
            ids.Add(schema.IdColumn is { } id ? row.Values[id.Index]! : row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var column in schema.Columns)
            {
                var value = row.Values[column.Index];
                if (column.Role is ColumnRole.Label or ColumnRole.Group or ColumnRole.Weight or ColumnRole.Text or ColumnRole.Numeric or ColumnRole.Categorical)
                    (values.TryGetValue(column.Name, out var raw) ? raw : values[column.Name] = []).Add(value);
                if (column.Role is not (ColumnRole.Image or ColumnRole.Audio or ColumnRole.Text))
                    continue;
                var cell = (column.Role == ColumnRole.Text
                    ? new FeatureCell(row.Number, null, value)
                    : new FeatureCell(row.Number, value is null ? null : manifest.ResolvePath(value), null)) with { Line = row.Line };
                (cells.TryGetValue(column.Name, out var list) ? list : cells[column.Name] = []).Add(cell);
            }
        });
        return new FeatureTable(inspection, rows, ids,
            cells.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<FeatureCell>)kv.Value, StringComparer.Ordinal),
            values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string?>)kv.Value, StringComparer.Ordinal));
    }
}
