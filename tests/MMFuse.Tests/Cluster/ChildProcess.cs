using System.Collections.Concurrent;
using System.Diagnostics;

namespace MMFuse.Tests.Cluster;

/// <summary>A process started by a test, its output lines collected; killed (SIGKILL) on dispose if still running.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    public ChildProcess(string file, params string[] args) : this(new Dictionary<string, string>(), file, args)
    {
    }

    /// <summary>Starts <paramref name="file"/> with <paramref name="environment"/> added to this process's environment.</summary>
    public ChildProcess(IReadOnlyDictionary<string, string> environment, string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) Lines.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Lines.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The mmfuse command line in its own process (the CLI assembly beside the tests).</summary>
    public static ChildProcess Mmfuse(params string[] args) => MmfuseWith(new Dictionary<string, string>(), args);

    /// <summary>The mmfuse command line with variables added to its environment.</summary>
    public static ChildProcess MmfuseWith(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        new(environment, "dotnet", [Path.Combine(AppContext.BaseDirectory, "MMFuse.Cli.dll"), .. args]);

    /// <summary>stdout and stderr lines, in arrival order.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    public string Output => string.Join("\n", Lines);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Waits until a line satisfies <paramref name="match"/>; false on timeout or when the process ended first.</summary>
    public async Task<bool> WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Lines.Any(match)) return true;
            if (_process.HasExited) return Lines.Any(match);
            await Task.Delay(50);
        }
        return false;
    }

    public async Task<bool> WaitForExit(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cancel.Token); return true; }
        catch (OperationCanceledException) { return false; }
    }

    /// <summary>kill -9: no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
