using System.Globalization;

namespace MMFuse.Bench;

/// <summary>
/// Drives bench/MlNetPeer (ML.NET's image pipeline in its own process, because ML.NET's ImageAnalytics needs
/// SkiaSharp 2.88 and MMFuse uses 3.119): the pipeline is fitted once, then each <see cref="Run"/> times one
/// transform of all images inside the peer, so process start and model loading are not counted.
/// </summary>
internal sealed class MlNetPeerProcess : IDisposable
{
    private readonly PeerProcess _peer;
    private readonly string _listFile;

    public MlNetPeerProcess(string peerDll, IEnumerable<string> imagePaths)
    {
        if (!File.Exists(peerDll))
            throw new InvalidOperationException($"{peerDll} is missing: build bench/MlNetPeer in Release first");
        _listFile = Path.GetTempFileName();
        File.WriteAllLines(_listFile, imagePaths.Select(Path.GetFullPath));
        _peer = new PeerProcess("ML.NET", "dotnet", [peerDll, _listFile]);
    }

    /// <summary>"mlnet=5.0.1 ort=... skia=...", as the peer reports them.</summary>
    public string Versions => _peer.Ready;

    /// <summary>Seconds of one transform of every image, measured inside the peer.</summary>
    public double Run() => double.Parse(_peer.Ask("run", "seconds"), CultureInfo.InvariantCulture);

    /// <summary>The last run's vectors.</summary>
    public float[][] Vectors(int dimension)
    {
        var file = Path.GetTempFileName();
        try
        {
            _peer.Ask("dump " + file, "dumped");
            var bytes = File.ReadAllBytes(file);
            var values = new float[bytes.Length / sizeof(float)];
            Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(float));
            return [.. values.Chunk(dimension)];
        }
        finally
        {
            File.Delete(file);
        }
    }

    public void Dispose()
    {
        try { _peer.Dispose(); }
        finally { File.Delete(_listFile); }
    }
}
