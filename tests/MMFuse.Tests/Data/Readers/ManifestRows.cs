using MMFuse.Data;
using MMFuse.Data.Readers;

namespace MMFuse.Tests.Data.Readers;

/// <summary>Reads a whole (small) manifest for assertions.</summary>
internal static class ManifestRows
{
    public static (IReadOnlyList<string> Columns, List<RawRow> Rows) ReadAll(string path)
    {
        using var reader = Manifest.Open(path).OpenReader();
        var rows = new List<RawRow>();
        while (reader.TryRead(out var row))
            rows.Add(row);
        return (reader.Columns, rows);
    }

    public static void AssertValues(string?[] actual, params string?[] expected) =>
        Assert.Equal(expected.AsEnumerable(), actual.AsEnumerable());
}
