using System.IO.Compression;
using MMFuse.Learners;

namespace MMFuse.Tests.Learners;

public sealed class StableZipTests
{
    [Fact]
    public void Same_entries_saved_at_different_times_give_the_same_bytes()
    {
        var early = Zip(new DateTimeOffset(2020, 5, 1, 10, 0, 0, TimeSpan.Zero));
        var late = Zip(new DateTimeOffset(2026, 11, 27, 8, 30, 0, TimeSpan.Zero));
        Assert.NotEqual(early, late);

        var rewritten = StableZip.Rewrite(early);
        Assert.Equal(rewritten, StableZip.Rewrite(late));
        using var archive = new ZipArchive(new MemoryStream(rewritten));
        Assert.Equal(["Model/Model.key", "Model/Schema"], archive.Entries.Select(e => e.FullName));
        using var reader = new StreamReader(archive.Entries[1].Open());
        Assert.Equal("schema bytes", reader.ReadToEnd());
    }

    private static byte[] Zip(DateTimeOffset time)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("Model/Model.key", "model bytes"), ("Model/Schema", "schema bytes") })
            {
                var entry = zip.CreateEntry(name);
                entry.LastWriteTime = time;
                using var writer = new StreamWriter(entry.Open());
                writer.Write(text);
            }
        }
        return output.ToArray();
    }
}
