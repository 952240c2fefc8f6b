using System.CommandLine;
using MMFuse.Cluster;
using MMFuse.IO;

namespace MMFuse.Cli;

/// <summary><c>--cluster URI</c> (run extraction shards and cross-validation jobs on <c>mmfuse worker</c> silos), <c>--media</c>
/// and <c>--cluster-log FILE</c>.</summary>
internal sealed class ClusterArguments
{
    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "Run feature extraction and cross-validation jobs on mmfuse workers: localhost, redis://HOST:PORT or postgres://USER@HOST[:PORT]/DATABASE (same results as a local run)",
    };

    public Option<string> Media { get; } = new("--media")
    {
        Description = "With --cluster: how workers get images and audio to extract: stream (the client sends the bytes) or shared (workers read the manifest's folder at the same path)",
        DefaultValueFactory = _ => "stream",
    };

    public Option<string?> TlsCert { get; } = new("--tls-cert")
    {
        Description = "With --cluster: mutual TLS with the cluster's certificate (a PKCS#12 .pfx file; the same file on every worker and client)",
    };

    public Option<string?> TlsPasswordFile { get; } = new("--tls-password-file") { Description = "The --tls-cert file's password, on the first line of this file" };

    public Option<string?> Log { get; } = new("--cluster-log") { Description = "With --cluster: write the jobs, their durations and the bytes shipped as JSON" };

    public void AddTo(Command command)
    {
        command.Add(Cluster);
        command.Add(Media);
        command.Add(TlsCert);
        command.Add(TlsPasswordFile);
        command.Add(Log);
    }

    /// <summary>The certificate --tls-cert names (with --tls-password-file), or null; <c>mmfuse worker</c> uses these two flags too.</summary>
    public ClusterTls? Tls(ParseResult parse)
    {
        if (parse.GetValue(TlsCert) is { } file)
            return ClusterTls.Load(file, parse.GetValue(TlsPasswordFile));
        return parse.GetValue(TlsPasswordFile) is null ? null : throw new Data.MMFuseInputException("--tls-password-file: give the certificate with --tls-cert");
    }

    /// <summary>The client's cluster options from the flags.</summary>
    public ClusterRunOptions RunOptions(ParseResult parse) => new()
    {
        Media = parse.GetValue(Media) switch
        {
            "stream" => MediaMode.Stream,
            "shared" => MediaMode.Shared,
            var other => throw new Data.MMFuseInputException($"--media: '{other}' is not one of stream, shared"),
        },
        Tls = Tls(parse),
    };

    /// <summary>Writes the run log where --cluster-log asks.</summary>
    public void WriteLog(ParseResult parse, ClusterRunLog? log)
    {
        if (parse.GetValue(Log) is { } path && log is not null)
            AtomicFile.WriteAllText(path, Rendering.InspectionJson.Serialize(Rendering.ClusterLogJson.Of(log)));
    }
}
