using System.IO.Compression;

namespace MMFuse.Learners;

/// <summary>ML.NET stamps each model-zip entry with the time of saving, so the same model saved twice differs in
/// ~50-100 bytes. Rewriting the entries (same order, same contents) with a fixed timestamp makes the saved payload
/// a function of the model alone: same seed, same bytes.</summary>
internal static class StableZip
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Rewrite(byte[] zip)
    {
        using var input = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var writer = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = writer.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
