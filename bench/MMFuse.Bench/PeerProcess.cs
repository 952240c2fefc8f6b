using System.Diagnostics;

namespace MMFuse.Bench;

/// <summary>
/// A peer benchmark in a process of its own (ML.NET with its older SkiaSharp, scikit-learn, PyTorch), driven by a
/// line protocol over stdin/stdout: the peer loads its data and models first and writes <c>ready ...</c>; each
/// request line is answered by one line starting with an agreed word. The peer times its own work, so process
/// start, imports and loading stay outside every measured figure.
/// </summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _name;

    public PeerProcess(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        _name = name;
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start the {name} peer ({fileName})");
        Ready = Read("ready")["ready".Length..].Trim();
    }

    /// <summary>What the peer said after "ready" (its versions and settings).</summary>
    public string Ready { get; }

    /// <summary>Sends one request and returns the answer without its leading word.</summary>
    public string Ask(string request, string answer)
    {
        _process.StandardInput.WriteLine(request);
        _process.StandardInput.Flush();
        return Read(answer)[answer.Length..].Trim();
    }

    private string Read(string prefix)
    {
        var line = _process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"the {_name} peer exited (code {(_process.WaitForExit(5000) ? _process.ExitCode : -1)})");
        return line.StartsWith(prefix, StringComparison.Ordinal)
            ? line
            : throw new InvalidOperationException($"the {_name} peer said '{line}', expected '{prefix} ...'");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.WriteLine("quit");
                if (!_process.WaitForExit(10_000))
                    _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
