using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using MMFuse.Data;
using Orleans.Configuration;

namespace MMFuse.Cluster;

/// <summary>
/// Where the cluster's membership lives: <c>localhost</c> (Orleans development clustering on this machine: the first
/// worker is the primary silo on port 11111, gateways from 30000), <c>redis://HOST:PORT</c> (Redis membership, for
/// machines that share a Redis server) or <c>postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE</c> (a PostgreSQL table
/// through Orleans' ADO.NET clustering; see <see cref="PostgresMembership"/>).
/// </summary>
/// <param name="Uri">The address as messages show it: a PostgreSQL password is replaced by <c>***</c>.</param>
/// <param name="Redis">HOST:PORT of the Redis server, for <c>redis://</c>.</param>
/// <param name="Postgres">The membership database, for <c>postgres://</c>.</param>
public sealed record ClusterAddress(string Uri, string? Redis, PostgresAddress? Postgres = null)
{
    /// <summary>The primary silo's port under <c>localhost</c> clustering; later workers take the next free ports.</summary>
    public const int LocalSiloPort = 11111;

    /// <summary>The first gateway port under <c>localhost</c> clustering.</summary>
    public const int LocalGatewayPort = 30000;

    /// <summary>How many workers <c>localhost</c> clustering allows on one machine (the client knows these gateways).</summary>
    public const int LocalWorkers = 16;

    /// <summary>The Orleans cluster and service id all MMFuse workers use.</summary>
    public const string ClusterId = "mmfuse";

    /// <summary>Development clustering on this machine (neither Redis nor PostgreSQL).</summary>
    public bool IsLocalhost => Redis is null && Postgres is null;

    /// <summary>Parses <c>localhost</c>, <c>redis://HOST:PORT</c> or <c>postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE</c>.</summary>
    /// <exception cref="MMFuseInputException">Any other address.</exception>
    public static ClusterAddress Parse(string uri)
    {
        if (uri is "localhost" or "localhost://")
            return new ClusterAddress(uri, null);
        if (uri.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) && System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Host.Length > 0)
            return new ClusterAddress(uri, $"{parsed.Host}:{(parsed.Port > 0 ? parsed.Port : 6379)}");
        if (uri.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            var postgres = PostgresAddress.Parse(uri);
            return new ClusterAddress(postgres.ToString(), null, postgres);
        }
        throw new MMFuseInputException($"cluster: '{PostgresAddress.Redact(uri)}' is not a cluster address; use localhost, redis://HOST:PORT "
            + "or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE");
    }

    /// <summary>What must hold before a silo or client starts: for PostgreSQL, a worker installs the membership schema
    /// (idempotent) and a client checks the database answers; nothing for the other kinds.</summary>
    /// <param name="worker">True for a worker silo, false for a client.</param>
    /// <param name="cancel">Stops the preparation.</param>
    /// <exception cref="MMFuseInputException">The membership database is unreachable or unprepared.</exception>
    public async Task PrepareAsync(bool worker, CancellationToken cancel = default)
    {
        if (Postgres is null) return;
        if (worker)
            await PostgresMembership.InstallAsync(Postgres, cancel).ConfigureAwait(false);
        else
            await PostgresMembership.CheckAsync(Postgres, cancel).ConfigureAwait(false);
    }

    /// <summary>Membership and endpoints of a worker silo.</summary>
    /// <param name="silo">The silo being built.</param>
    /// <param name="siloPort">Its silo-to-silo port; 0 picks one.</param>
    /// <param name="gatewayPort">Its client gateway port; 0 picks one.</param>
    public void ConfigureSilo(ISiloBuilder silo, int siloPort = 0, int gatewayPort = 0)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
        if (IsLocalhost)
        {
            if (siloPort == 0 || gatewayPort == 0)
                (siloPort, gatewayPort) = FreeLocalPorts();
            silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, LocalSiloPort), ClusterId, ClusterId);
            return;
        }
        if (Postgres is not null)
        {
            silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (PostgresAddress.Invariant, Postgres.ConnectionString));
            // A worker joining validates its connection to every silo the table calls active, and a killed worker stays
            // "active" until a live silo votes it dead, which a lone newcomer can do only once the row is stale (three
            // missed heartbeats). Orleans' 30 s heartbeat makes that 90 s after every worker crashed; 5 s makes it 15 s,
            // for one small UPDATE per worker every 5 s.
            silo.Configure<ClusterMembershipOptions>(o => o.IAmAliveTablePublishTimeout = PostgresAddress.Heartbeat);
        }
        else
            silo.UseRedisClustering(Redis!);
        var advertised = AdvertisedAddress();
        silo.ConfigureEndpoints(advertised, siloPort == 0 ? FreePort() : siloPort, gatewayPort == 0 ? FreePort() : gatewayPort, listenOnAnyHostAddress: true);
    }

    /// <summary>Membership of a client: the local gateways, or the Redis or PostgreSQL table.</summary>
    public void ConfigureClient(IClientBuilder client)
    {
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
        if (IsLocalhost)
        {
            // Development clustering gives a client a fixed gateway list; a listed gateway that is not running fails the
            // calls routed through it, so only the gateways listening now are listed (all of them while none is, so the
            // connection retries until one starts). Workers started after the client connects are not used by it.
            var all = Enumerable.Range(LocalGatewayPort, LocalWorkers).ToArray();
            var open = all.Where(p => !IsFree(p)).ToArray();
            client.UseLocalhostClustering(open.Length > 0 ? open : all, ClusterId, ClusterId);
        }
        else if (Postgres is not null)
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (PostgresAddress.Invariant, Postgres.ConnectionString));
        else
            client.UseRedisClustering(Redis!);
    }

    /// <summary>The primary's ports when free, else the next free pair: several workers on one machine.</summary>
    private static (int Silo, int Gateway) FreeLocalPorts()
    {
        for (var k = 0; k < LocalWorkers; k++)
            if (IsFree(LocalSiloPort + k) && IsFree(LocalGatewayPort + k))
                return (LocalSiloPort + k, LocalGatewayPort + k);
        throw new MMFuseInputException($"cluster localhost: ports {LocalSiloPort}-{LocalSiloPort + LocalWorkers - 1} are all taken; at most {LocalWorkers} workers run on one machine");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Loopback when the membership server is on this machine (a one-machine cluster); otherwise this machine's first IPv4 address.</summary>
    private IPAddress AdvertisedAddress()
    {
        var host = Postgres?.Host ?? Redis!.Split(':')[0];
        if (host is "localhost" or "127.0.0.1" or "::1")
            return IPAddress.Loopback;
        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
