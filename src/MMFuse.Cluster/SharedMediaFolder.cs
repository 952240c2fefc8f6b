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
    /// <summary>The file <paramref name="relative"/> names inside <paramref name="folder"/>, links followed.</summary>
    /// <exception cref="MMFuseInputException">The path leads outside the folder.</exception>
    public static string Resolve(string folder, string relative)
    {
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Contains('\0'))
            throw Outside(relative, "is not a relative path");
        if (relative.Split('/', '\\').Contains(".."))
            throw Outside(relative, "climbs out with '..'");
        var real = MMFuse.IO.RealPath.Of(Path.Combine(folder, relative));
        if (!MMFuse.IO.RealPath.IsInside(real, MMFuse.IO.RealPath.Of(folder)))
            throw Outside(relative, "leads outside the manifest's folder through a link");
        return real;
    }

    /// <summary>Checks that <paramref name="folder"/> lies inside one of <paramref name="roots"/> (links followed).</summary>
    /// <exception cref="MMFuseInputException">It does not, or no root is allowed.</exception>
    public static void CheckAllowed(string folder, IReadOnlyList<string> roots)
    {
        if (roots.Count == 0)
            throw new MMFuseInputException("this worker reads no shared media (start it with WorkerSettings.SharedMedia, the folders it may read); use ClusterRunOptions.Media = Stream");
        var real = MMFuse.IO.RealPath.Of(folder);
        if (!roots.Any(root => MMFuse.IO.RealPath.IsInside(real, MMFuse.IO.RealPath.Of(root), orSame: true)))
            throw new MMFuseInputException($"shared media: the folder '{folder}' is not inside this worker's WorkerSettings.SharedMedia folders ({string.Join(", ", roots)})");
    }

    /// <summary>The path relative to <paramref name="folder"/> that a client sends for <paramref name="file"/>; null when it is not inside.</summary>
    public static string? Relative(string folder, string file)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(file));
        return Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? null : relative;
    }

    private static MMFuseInputException Outside(string relative, string reason) =>
        new($"shared media: the path '{relative}' {reason}; a worker reads only files inside the manifest's folder");
}
