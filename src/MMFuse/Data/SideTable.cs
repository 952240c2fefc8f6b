using MMFuse.Data.Readers;

namespace MMFuse.Data;

/// <summary>
/// A second table joined to the manifest by a key (its id column): per-row facts that are not features, such as
/// the speaker or recording session that shift-aware validation groups by. Any manifest format is read.
/// </summary>
public static class SideTable
{
    /// <summary>Key → value of <paramref name="valueColumn"/>. A key seen twice with different values, a missing
    /// column or an empty key is an input error naming the table, row and column.</summary>
    public static IReadOnlyDictionary<string, string> Lookup(string path, string keyColumn, string valueColumn)
    {
        var manifest = Manifest.Open(path);
        using var reader = manifest.OpenReader();
        var name = System.IO.Path.GetFileName(path);
        int Column(string column) => reader.Columns.ToList().IndexOf(column) is var i and >= 0
            ? i
            : throw new MMFuseInputException($"{name} has no column '{column}'; its columns are: {string.Join(", ", reader.Columns)}");
        var (key, value) = (Column(keyColumn), Column(valueColumn));
        var lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.TryRead(out var row))
        {
            if (row.StructuralError is { } error)
                throw new MMFuseInputException($"{name}: row {row.Number}: {error}");
            if (string.IsNullOrWhiteSpace(row.Values[key]))
                throw new MMFuseInputException($"{name}: row {row.Number}, column '{keyColumn}': the key is empty");
            var v = row.Values[value] ?? "";
            if (lookup.TryGetValue(row.Values[key]!, out var seen) && seen != v)
                throw new MMFuseInputException($"{name}: row {row.Number}, column '{keyColumn}': key '{row.Values[key]}' appears again with another {valueColumn}");
            lookup[row.Values[key]!] = v;
        }
        return lookup;
    }

    /// <summary>The value for each key, in order; a key the side table lacks is an input error naming the row.</summary>
    public static string[] Join(IReadOnlyDictionary<string, string> lookup, IReadOnlyList<string> keys, IReadOnlyList<long> rows, string tableName) =>
        keys.Select((k, i) => lookup.TryGetValue(k, out var v)
            ? v
            : throw new MMFuseInputException($"row {rows[i]}: id '{k}' is not in {tableName}")).ToArray();
}
