using System.Globalization;
using MMFuse.Tests.Cli;

namespace MMFuse.Tests.Serve;

/// <summary><c>mmfuse predict</c> run in-process on a table, its CSV read back: the reference the server must match.</summary>
internal static class CliPredictions
{
    public sealed record Row(string Id, string Label, float[] Probabilities, float[] Contributions);

    public static List<Row> Run(string model, string table, TempDirectory dir, string cache, bool explain = false)
    {
        var output = dir.File($"predictions-{Guid.NewGuid():N}.csv");
        string[] args = ["predict", model, table, "--out", output, "--cache", cache, .. explain ? new[] { "--explain" } : []];
        var (code, _, error) = CliRunner.Run(args);
        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(output);
        var header = lines[0].Split(',');
        var probabilities = header.Select((h, i) => (h, i)).Where(c => c.h.StartsWith("p_", StringComparison.Ordinal)).Select(c => c.i).ToArray();
        var contributions = header.Select((h, i) => (h, i)).Where(c => c.h.StartsWith("contrib_", StringComparison.Ordinal)).Select(c => c.i).ToArray();
        return lines.Skip(1).Select(l => l.Split(',')).Select(cells => new Row(cells[0], cells[1],
            probabilities.Select(i => float.Parse(cells[i], CultureInfo.InvariantCulture)).ToArray(),
            contributions.Select(i => float.Parse(cells[i], CultureInfo.InvariantCulture)).ToArray())).ToList();
    }

    /// <summary>A table of just some rows of another (same header).</summary>
    public static string Subset(string table, TempDirectory dir, params int[] rows)
    {
        var lines = File.ReadAllLines(table);
        var path = dir.File($"subset-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, [lines[0], .. rows.Select(r => lines[r + 1])]);
        return path;
    }
}
