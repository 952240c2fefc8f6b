using MMFuse.Data;

namespace MMFuse.Features.Extraction;

/// <summary>
/// The feature-relevant cells of a validated manifest, column by column, in row order: what extraction needs,
/// gathered in the validation pass so the manifest is read only twice (profile, validate) in all.
/// </summary>
public sealed class FeatureTable
{
    private FeatureTable(InspectionResult inspection, IReadOnlyList<long> rows, IReadOnlyList<string> ids,
        IReadOnlyDictionary<string, IReadOnlyList<FeatureCell>> cells)
    {
        Inspection = inspection;
        Rows = rows;
        Ids = ids;
        Cells = cells;
    }

    public InspectionResult Inspection { get; }

    /// <summary>The 1-based data row number of each kept row.</summary>
    public IReadOnlyList<long> Rows { get; }

    /// <summary>The id of each kept row: the id column's value, else the row number.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Cells of each image, audio and text column.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FeatureCell>> Cells { get; }

    public DatasetSchema Schema => Inspection.Schema;

    public static FeatureTable Load(Manifest manifest, SchemaOptions options, BadRowPolicy policy)
    {
        var rows = new List<long>();
        var ids = new List<string>();
        var cells = new Dictionary<string, List<FeatureCell>>(StringComparer.Ordinal);
        var inspection = ManifestInspector.Inspect(manifest, options, policy, (row, schema) =>
        {
            rows.Add(row.Number);
            ids.Add(schema.IdColumn is { } id ? row.Values[id.Index]! : row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var column in schema.Columns)
            {
                if (column.Role is not (ColumnRole.Image or ColumnRole.Audio or ColumnRole.Text))
                    continue;
                var value = row.Values[column.Index];
                var cell = column.Role == ColumnRole.Text
                    ? new FeatureCell(row.Number, null, value)
                    : new FeatureCell(row.Number, value is null ? null : manifest.ResolvePath(value), null);
                (cells.TryGetValue(column.Name, out var list) ? list : cells[column.Name] = []).Add(cell);
            }
        });
        return new FeatureTable(inspection, rows, ids,
            cells.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<FeatureCell>)kv.Value, StringComparer.Ordinal));
    }
}
