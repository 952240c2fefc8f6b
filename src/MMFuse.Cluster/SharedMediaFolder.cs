using MMFuse.Data;

namespace MMFuse.Cluster;

/// <summary>
/// Where a worker may read shared media: a path sent by a client is taken only relative to the manifest's folder,
/// and only when, with every link along it followed, it still ends inside that folder — <c>..</c>, absolute paths and
/// links that lead out (a linked file or a linked folder on the way) are refused. The folder itself must lie inside one
/// of the roots the worker was started with (<c>--shared-media</c>), so a client cannot name <c>/</c> as its folder.
/// </summary>
public static class SharedMediaFolder
{
    private const int MaxLinks = 40;

    /// <summary>The file <paramref name="relative"/> names inside <paramref name="folder"/>, links followed.</summary>
    /// <exception cref="MMFuseInputException">The path leads outside the folder.</exception>
    public static string Resolve(string folder, string relative)
    {
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Contains('\0'))
            throw Outside(relative, "is not a relative path");
        if (relative.Split('/', '\\').Contains(".."))
            throw Outside(relative, "climbs out with '..'");
        var real = RealPath(Path.Combine(folder, relative));
        if (!IsInside(real, RealPath(folder)))
            throw Outside(relative, "leads outside the manifest's folder through a link");
        return real;
    }

    /// <summary>Checks that <paramref name="folder"/> lies inside one of <paramref name="roots"/> (links followed).</summary>
    /// <exception cref="MMFuseInputException">It does not, or no root is allowed.</exception>
    public static void CheckAllowed(string folder, IReadOnlyList<string> roots)
    {
        if (roots.Count == 0)
            throw new MMFuseInputException("this worker reads no shared media (start it with WorkerSettings.SharedMedia, the folders it may read); use ClusterRunOptions.Media = Stream");
        var real = RealPath(folder);
        if (!roots.Any(root => IsInside(real, RealPath(root), orSame: true)))
            throw new MMFuseInputException($"shared media: the folder '{folder}' is not inside this worker's WorkerSettings.SharedMedia folders ({string.Join(", ", roots)})");
    }

    /// <summary>The path relative to <paramref name="folder"/> that a client sends for <paramref name="file"/>; null when it is not inside.</summary>
    public static string? Relative(string folder, string file)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(file));
        return Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? null : relative;
    }

    private static bool IsInside(string path, string folder, bool orSame = false)
    {
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal) || (orSame && path == folder);
    }

    /// <summary>The absolute path with every link along it followed (each folder on the way, then the file).</summary>
    private static string RealPath(string path, int depth = 0)
    {
        if (depth > MaxLinks)
            throw new MMFuseInputException($"shared media: too many links under '{path}'");
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
                next = RealPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target), depth + 1);
            current = next;
        }
        return current;
    }

    private static MMFuseInputException Outside(string relative, string reason) =>
        new($"shared media: the path '{relative}' {reason}; a worker reads only files inside the manifest's folder");
}
