namespace MMFuse.Tests;

/// <summary>Locates the repository and the shared datasets from the test binary's folder.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared datasets live beside the repository (../shared/datasets), in CI as in development.</summary>
    public static string SharedDatasets => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "datasets"));

    public static string Fixture(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static string Samples(params string[] parts) => Path.Combine([RepoRoot, "samples", .. parts]);

    /// <summary>A real 8x8 PNG and a real WAV clip from the embedded avdigits sample.</summary>
    public static string SampleImage => Directory.GetFiles(Samples("avdigits", "images"), "*.png").Order(StringComparer.Ordinal).First();

    public static string SampleClip => Directory.GetFiles(Samples("avdigits", "audio"), "*.wav").Order(StringComparer.Ordinal).First();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MMFuse.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("MMFuse.sln not found above " + AppContext.BaseDirectory);
    }
}
