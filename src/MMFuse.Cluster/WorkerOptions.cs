namespace MMFuse.Cluster;

/// <summary>How <c>mmfuse worker</c> starts.</summary>
/// <param name="Cluster">The cluster address (<c>localhost</c>, <c>redis://HOST:PORT</c>, <c>postgres://USER@HOST[:PORT]/DATABASE</c>).</param>
/// <param name="Name">The worker's name, unique in the cluster; null for HOST-PID.</param>
/// <param name="Settings">Threads, lease, memory bounds.</param>
/// <param name="SiloPort">Silo-to-silo port; 0 picks a free one.</param>
/// <param name="GatewayPort">Client gateway port; 0 picks a free one.</param>
/// <param name="Tls">Mutual TLS with the cluster's certificate; null for plain connections.</param>
public sealed record WorkerOptions(string Cluster, string? Name = null, WorkerSettings? Settings = null, int SiloPort = 0, int GatewayPort = 0, ClusterTls? Tls = null);
