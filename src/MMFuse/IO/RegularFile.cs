namespace MMFuse.IO;

/// <summary>
/// Reads only regular files. A manifest cell may name a FIFO, <c>/dev/stdin</c>, a device or a socket: opening
/// a FIFO blocks until some writer appears and <c>/dev/zero</c> never ends, so such paths are refused before
/// anything opens them. .NET does not expose the Unix file type, but stat reports size 0 for every FIFO, device
/// and socket, so a path is accepted only when it (after following links) exists, is not a folder and is not empty.
/// </summary>
public static class RegularFile
{
    /// <summary>Null when <paramref name="path"/> names a non-empty regular file; else why not, without the path.</summary>
    public static string? Problem(string path)
    {
        var info = new FileInfo(path);
        try
        {
            // /dev/stdin links to /proc/self/fd/0, whose target ("pipe:[…]") is no path at all.
            if (info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                return target.Exists || Directory.Exists(target.FullName) ? Problem(target.FullName)
                    : "is a link to a missing file or to a pipe, device or socket";
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return "file not found";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "is a link that cannot be followed";
        }
        if (Directory.Exists(info.FullName))
            return "is a folder, not a file";
        if (!info.Exists)
            return "file not found";
        return info.Length == 0 ? "file is empty or not a regular file (a pipe, device or socket)" : null;
    }

    /// <summary>The whole file, or an <see cref="IOException"/> saying why it is not a readable regular file.</summary>
    public static byte[] ReadAllBytes(string path) =>
        Problem(path) is { } problem ? throw new IOException(problem) : File.ReadAllBytes(path);
}
