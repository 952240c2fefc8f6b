namespace MMFuse.Tests.Cli;

/// <summary>30 rows of two numbers and a yes/no label (y = a > b): trains in about a second, needs no extractor.</summary>
internal static class TabularSample
{
    public static string Write(TempDirectory dir)
    {
        var random = new Random(1);
        var lines = Enumerable.Range(0, 30).Select(i => (i, a: random.Next(100), b: random.Next(100)))
            .Select(r => $"{r.i},{r.a},{r.b},{(r.a > r.b ? "yes" : "no")}");
        return dir.Write("rows.csv", "id,a,b,y\n" + string.Join("\n", lines) + "\n");
    }
}
