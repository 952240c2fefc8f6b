using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MMFuse.Data;
using Orleans.Connections.Security;

namespace MMFuse.Cluster;

/// <summary>
/// Mutual TLS between workers and clients (Microsoft.Orleans.Connections.Security): every silo-to-silo and
/// client-to-gateway connection is encrypted, and both ends must present the cluster's certificate — the same
/// certificate file on every machine (a self-signed one will do). The certificate is pinned, not trusted by issuer: a
/// certificate any authority issued for another name or key is refused, so a node without the file cannot join the
/// cluster or call it.
/// </summary>
public sealed class ClusterTls
{
    private ClusterTls(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>This node's certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Loads a PKCS#12 (.pfx/.p12) certificate with its private key (<c>--tls-cert</c>), its password read from
    /// <paramref name="passwordFile"/> (<c>--tls-password-file</c>; first line) when it has one.</summary>
    /// <exception cref="MMFuseInputException">The file is missing, unreadable, the password is wrong, or it holds no private key.</exception>
    public static ClusterTls Load(string certificateFile, string? passwordFile = null)
    {
        try
        {
            var password = passwordFile is null ? null : File.ReadLines(passwordFile).FirstOrDefault() ?? "";
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificateFile, password);
            return certificate.HasPrivateKey ? new ClusterTls(certificate)
                : throw new MMFuseInputException($"TLS certificate '{certificateFile}' has no private key; give a PKCS#12 (.pfx) file that holds it");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new MMFuseInputException($"TLS certificate '{certificateFile}' cannot be loaded: {ex.Message}");
        }
    }

    /// <summary>A node with this certificate object (tests, programs that hold their certificate already).</summary>
    public static ClusterTls Of(X509Certificate2 certificate) =>
        certificate.HasPrivateKey ? new ClusterTls(certificate) : throw new ArgumentException("the certificate has no private key", nameof(certificate));

    /// <summary>Turns on TLS for a worker silo.</summary>
    public void Configure(ISiloBuilder silo) => silo.UseTls(Certificate, Options);

    /// <summary>Turns on TLS for a cluster client.</summary>
    public void Configure(IClientBuilder client) => client.UseTls(Certificate, Options);

    private void Options(TlsOptions options)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = Accept;
        // The peers are addressed by IP; the certificate is checked by the rule above, not by host name.
        options.OnAuthenticateAsClient = (_, ssl) => ssl.TargetHost = Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
    }

    /// <summary>Only the cluster's own certificate (byte for byte); the platform's chain verdict does not matter for it.</summary>
    private bool Accept(X509Certificate2 remote, X509Chain? chain, SslPolicyErrors errors) =>
        remote.RawDataMemory.Span.SequenceEqual(Certificate.RawDataMemory.Span);
}
