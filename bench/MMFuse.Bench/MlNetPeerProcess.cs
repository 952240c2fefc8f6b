using System.Diagnostics;
using System.Globalization;

namespace MMFuse.Bench;

/// <summary>
/// Drives bench/MlNetPeer (ML.NET's image pipeline in its own process, because ML.NET's ImageAnalytics needs
/// SkiaSharp 2.88 and MMFuse uses 3.119): the pipeline is fitted once, then each <see cref="Run"/> times one
/// transform of all images inside the peer, so process start and model loading are not counted.
/// </summary>
internal sealed class MlNetPeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _listFile;

    public MlNetPeerProcess(string peerDll, IEnumerable<string> imagePaths)
    {
        if (!File.Exists(peerDll))
            throw new InvalidOperationException($"{peerDll} is missing: build bench/MlNetPeer in Release first");
        _listFile = Path.GetTempFileName();
        File.WriteAllLines(_listFile, imagePaths.Select(Path.GetFullPath));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(peerDll);
        start.ArgumentList.Add(_listFile);
        _process = Process.Start(start)!;
        var ready = Read("ready ");
        Versions = ready["ready ".Length..];
    }

    /// <summary>"mlnet=5.0.1 ort=... skia=...", as the peer reports them.</summary>
    public string Versions { get; }

    /// <summary>Seconds of one transform of every image, measured inside the peer.</summary>
    public double Run()
    {
        _process.StandardInput.WriteLine("run");
        return double.Parse(Read("seconds ")["seconds ".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>The last run's vectors.</summary>
    public float[][] Vectors(int dimension)
    {
        var file = Path.GetTempFileName();
        try
        {
            _process.StandardInput.WriteLine("dump " + file);
            Read("dumped");
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

    private string Read(string prefix)
    {
        var line = _process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"the ML.NET peer exited (code {(_process.WaitForExit(5000) ? _process.ExitCode : -1)})");
        return line.StartsWith(prefix, StringComparison.Ordinal)
            ? line
            : throw new InvalidOperationException($"the ML.NET peer said '{line}', expected '{prefix}...'");
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.WriteLine("quit");
            if (!_process.WaitForExit(10_000))
                _process.Kill();
        }
        finally
        {
            _process.Dispose();
            File.Delete(_listFile);
        }
    }
}
