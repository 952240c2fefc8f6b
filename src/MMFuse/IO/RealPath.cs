using MMFuse.Data;

namespace MMFuse.IO;

/// <summary>
/// Paths with every symbolic link along them followed (each folder on the way, then the file), and whether one lies
/// inside a folder. Checking only the final file's link is not enough: a linked folder on the way can lead anywhere.
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>The absolute path of <paramref name="path"/> with every link along it followed.</summary>
    /// <exception cref="MMFuseInputException">More than 40 links (a loop).</exception>
    public static string Of(string path) => Resolve(path, 0);

    /// <summary>True when <paramref name="path"/> lies inside <paramref name="folder"/> (both already real paths), or
    /// is the folder itself when <paramref name="orSame"/>.</summary>
    public static bool IsInside(string path, string folder, bool orSame = false)
    {
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal) || (orSame && path == folder.TrimEnd(Path.DirectorySeparatorChar));
    }

    private static string Resolve(string path, int depth)
    {
        if (depth > MaxLinks)
            throw new MMFuseInputException($"too many links under '{path}'");
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
                next = Resolve(Path.IsPathRooted(target) ? target : Path.Combine(current, target), depth + 1);
            current = next;
        }
        return current;
    }
}
