using MMFuse.Data;

namespace MMFuse.IO;

/// <summary>Checks, before any long work, that an output file can be written, and turns an I/O failure on an output
/// into an <see cref="MMFuseInputException"/> (exit code 2 in the CLI) that names the user's path.</summary>
public static class OutputLocation
{
    /// <summary>For each path given (nulls are skipped): creates its folder if need be, then creates and deletes a small
    /// temporary file there, so an unwritable location fails now rather than after training.</summary>
    public static void Check(params string?[] paths)
    {
        foreach (var path in paths)
            if (path is not null)
                CheckOne(path);
    }

    private static void CheckOne(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new MMFuseInputException($"cannot write '{path}': it is a folder; name a file in it");
        var folder = Path.GetDirectoryName(full)!;
        if (FileInTheWay(folder) is { } file)
            throw new MMFuseInputException($"cannot write '{path}': '{file}' is a file, not a folder");
        var temp = AtomicFile.TempPath(full);
        try
        {
            Directory.CreateDirectory(folder);
            using (var probe = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                probe.WriteByte(0);
            File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw Unwritable(path, e, temp);
        }
    }

    /// <summary>The nearest missing-as-a-folder ancestor of <paramref name="folder"/> that exists as a file, if any.</summary>
    private static string? FileInTheWay(string folder)
    {
        for (var dir = folder; dir is not null && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir))
            if (File.Exists(dir))
                return dir;
        return null;
    }

    /// <summary>The error for failing to write <paramref name="path"/>; the temporary file's name is replaced by the
    /// user's path, as the user never asked for it.</summary>
    public static MMFuseInputException Unwritable(string path, Exception e, string? temp = null)
    {
        var reason = e switch
        {
            UnauthorizedAccessException => "permission denied",
            // Creating the file failed with "no such file" although its folder exists: a folder such as /proc that takes no new files.
            FileNotFoundException => $"its folder '{Path.GetDirectoryName(Path.GetFullPath(path))}' does not accept new files",
            _ when temp is not null => e.Message.Replace(temp, Path.GetFullPath(path), StringComparison.Ordinal),
            _ => e.Message,
        };
        return new MMFuseInputException($"cannot write '{path}': {reason}", e);
    }

    internal static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
