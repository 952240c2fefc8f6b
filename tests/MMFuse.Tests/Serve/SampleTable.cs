namespace MMFuse.Tests.Serve;

/// <summary>Sample tables rewritten for the serve tests: media paths made absolute, a subset of rows, rows as JSON-ready values.</summary>
internal static class SampleTable
{
    /// <summary>Writes every <paramref name="every"/>-th row of a sample table with its relative media paths made absolute.</summary>
    public static string Absolute(string source, string target, int every)
    {
        var folder = Path.GetDirectoryName(source)!;
        var lines = File.ReadAllLines(source);
        var media = MediaColumns(lines[0]);
        // Rows with quoted cells (a comma inside) are left out, so a plain split reads every row kept.
        var rows = lines.Skip(1).Where(l => !l.Contains('"')).Where((_, i) => i % every == 0).Select(line =>
        {
            var cells = line.Split(',');
            foreach (var c in media)
                if (cells[c].Length > 0)
                    cells[c] = Path.Combine(folder, cells[c]);
            return string.Join(',', cells);
        });
        File.WriteAllLines(target, [lines[0], .. rows]);
        return target;
    }

    /// <summary>The rows of a table (as written by <see cref="Absolute"/>) as column → cell text, header order.</summary>
    public static List<Dictionary<string, string>> Read(string table, int take)
    {
        var lines = File.ReadAllLines(table);
        var header = lines[0].Split(',');
        return lines.Skip(1).Take(take).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    /// <summary>The samples' media columns are the ones named image or audio.</summary>
    private static int[] MediaColumns(string header) =>
        header.Split(',').Select((name, i) => (name, i)).Where(c => c.name is "image" or "audio").Select(c => c.i).ToArray();
}
