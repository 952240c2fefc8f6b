using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using MMFuse.Cluster;
using MMFuse.Data;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Sockets;

namespace MMFuse.Tests.Cluster;

/// <summary>
/// Mutual TLS with a self-signed cluster certificate made here: a worker and a client holding it extract together; a
/// client with another certificate, or with none, cannot connect. The certificate file loads with its password file.
/// </summary>
public sealed class ClusterTlsTests
{
    private const string ServiceId = "mmfuse-tls-test";

    [Fact]
    public async Task Workers_and_clients_with_the_cluster_certificate_work_and_a_stranger_is_refused()
    {
        using var dir = new TempDirectory();
        var tls = ClusterTls.Of(SelfSigned("mmfuse-cluster"));
        // A worker silo on real loopback sockets (the in-process test cluster's transport bypasses them).
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, siloPort), ServiceId, ServiceId);
            silo.AddMMFuseWorker(new WorkerSettings { Threads = 1 });
            tls.Configure(silo);
        });
        using var worker = builder.Build();
        await worker.StartAsync();
        try
        {
            using (var member = Client(gatewayPort, tls))
            {
                await member.StartAsync().WaitAsync(TimeSpan.FromSeconds(90));
                var data = MultimodalDataset.Load(ClusterTestData.Manifest, "digit", new DatasetOptions { CacheFolder = dir.File("cache"), Threads = 1 });
                var log = DistributedExtraction.Warm(data, member.Services.GetRequiredService<IClusterClient>(), all: true, new ClusterRunOptions { ShardRows = 40 });
                Assert.NotEmpty(log.Jobs);
                Assert.All(data.ExtractAll().Columns, c => Assert.Equal(0, c.Report.Computed));
                await member.StopAsync();
            }
            await AssertRefused(gatewayPort, ClusterTls.Of(SelfSigned("mmfuse-cluster"))); // same name, another key
            await AssertRefused(gatewayPort, null);
        }
        finally
        {
            await worker.StopAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public void A_certificate_file_loads_with_its_password_file_and_a_wrong_password_is_a_clear_error()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("cluster.pfx"), SelfSigned("mmfuse-cluster").Export(X509ContentType.Pfx, "s3cret"));
        File.WriteAllText(dir.File("password"), "s3cret\n");
        File.WriteAllText(dir.File("wrong"), "guess\n");

        Assert.True(ClusterTls.Load(dir.File("cluster.pfx"), dir.File("password")).Certificate.HasPrivateKey);
        Assert.Contains("cannot be loaded", Assert.Throws<MMFuseInputException>(() => ClusterTls.Load(dir.File("cluster.pfx"), dir.File("wrong"))).Message);
        Assert.Contains("cannot be loaded", Assert.Throws<MMFuseInputException>(() => ClusterTls.Load(dir.File("missing.pfx"))).Message);
    }

    /// <summary>A client of the gateway at <paramref name="gateway"/> with <paramref name="tls"/> (or plain) fails to connect.</summary>
    private static async Task AssertRefused(int gateway, ClusterTls? tls)
    {
        using var host = Client(gateway, tls);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(90)));
        Assert.IsNotType<TimeoutException>(error);
    }

    /// <summary>A client host of the gateway at <paramref name="gateway"/> that tries once.</summary>
    private static IHost Client(int gateway, ClusterTls? tls)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(gateway, ServiceId, ServiceId);
            tls?.Configure(client);
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
        });
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A self-signed certificate for server and client authentication, with its private key usable by TLS.</summary>
    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
