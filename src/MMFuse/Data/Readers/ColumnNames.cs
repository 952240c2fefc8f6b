namespace MMFuse.Data.Readers;

/// <summary>Checks a header: every column needs a name, and names must be unique.</summary>
internal static class ColumnNames
{
    public static IReadOnlyList<string> FromHeader(IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (name.Length == 0)
                throw new MMFuseInputException($"header: column {i + 1} has no name");
            if (!seen.Add(name))
                throw new MMFuseInputException($"header: column name '{name}' appears more than once");
        }
        return names.Select(n => n.Trim()).ToArray();
    }
}
