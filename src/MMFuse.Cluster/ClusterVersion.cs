using System.Reflection;

namespace MMFuse.Cluster;

/// <summary>What a client and a worker must share to be mixed in one result: the MMFuse library version and the job
/// protocol (the blob format and the job/result records).</summary>
public static class ClusterVersion
{
    /// <summary>Bumped whenever the blobs or the job messages change meaning.</summary>
    public const int Protocol = 2;

    /// <summary>"MMFuse {informational version}; jobs {protocol}".</summary>
    public static string Current { get; } =
        $"MMFuse {typeof(MultimodalDataset).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?"}; jobs {Protocol}";
}
