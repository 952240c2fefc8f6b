namespace MMFuse.IO;

/// <summary>
/// Writes a file so that readers see either the old content or the whole new one, never a torn file:
/// the bytes go to a temporary file in the same folder, are flushed to disk, then renamed over the target.
/// Leftovers of killed runs in that folder are removed first (<see cref="StaleTempFiles"/>).
/// An I/O failure (a folder that cannot be written, a full disk) is an <see cref="Data.MMFuseInputException"/> naming
/// the caller's path, never the temporary file's.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with what <paramref name="write"/> puts in the stream; the target
    /// appears only once it is complete.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temp = TempPath(full);
        try
        {
            var folder = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(folder);
            StaleTempFiles.Remove(folder);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e)
        {
            OutputLocation.TryDelete(temp);
            if (e is IOException or UnauthorizedAccessException)
                throw OutputLocation.Unwritable(path, e, temp);
            throw;
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark, atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(text);
        });

    /// <summary>A fresh temporary name beside <paramref name="full"/>: <c>.NAME.PID.GUID.tmp</c>, hidden, and naming the
    /// writing process so that a leftover of a killed run can be recognised.</summary>
    internal static string TempPath(string full) =>
        Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
}
