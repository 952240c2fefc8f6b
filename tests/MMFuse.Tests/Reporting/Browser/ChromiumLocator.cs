using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MMFuse.Tests.Reporting.Browser;

/// <summary>
/// Finds headless Chromium for the browser tests: MMFUSE_CHROMIUM, then the usual Debian/Ubuntu paths. When none
/// is there and we run as root with apt available (a CI container), installs Debian's chromium once. Otherwise
/// the tests are skipped with the reason.
/// </summary>
internal static class ChromiumLocator
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private static readonly Lazy<(string? Path, string Reason)> Found = new(Find);

    public static string? Executable => Found.Value.Path;

    public static string SkipReason => Found.Value.Reason;

    private static (string?, string) Find()
    {
        var configured = Environment.GetEnvironmentVariable("MMFUSE_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
            return File.Exists(configured) ? (configured, "") : (null, $"MMFUSE_CHROMIUM is set to '{configured}', which does not exist.");
        if (Existing() is string path)
            return (path, "");
        if (!OperatingSystem.IsLinux())
            return (null, "Chromium not found (set MMFUSE_CHROMIUM); installing it is only automated on Debian/Ubuntu.");
        if (!File.Exists("/usr/bin/apt-get"))
            return (null, "Chromium not found at /usr/bin/chromium and apt-get is unavailable to install it.");
        if (geteuid() != 0)
            return (null, "Chromium not found at /usr/bin/chromium; run `apt-get install -y chromium` as root (tests are not root).");

        var update = Run("apt-get", "update");
        var install = Run("apt-get", "install -y chromium");
        return Existing() is string installed
            ? (installed, "")
            : (null, $"Chromium not found and could not be installed (apt-get update: {update}; apt-get install -y chromium: {install}).");
    }

    private static string? Existing() => Candidates.FirstOrDefault(File.Exists);

    /// <summary>Runs a command; returns its exit code and last output line, for the skip reason.</summary>
    private static string Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return "timed out after 10 minutes";
        }
        var last = (stderr.Result + "\n" + stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return $"exit {process.ExitCode}, {last}";
    }

    [DllImport("libc")]
    private static extern uint geteuid();
}
