using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MMFuse.IO;

/// <summary>Removes temporary files of <see cref="AtomicFile"/>'s own naming (<c>.NAME.PID.GUID.tmp</c>) that a killed
/// run left behind: those whose process is no longer running, and any older than a day (the process id may since have
/// been reused). A live process's fresh temporary file, and every file of any other name, is left alone.</summary>
internal static partial class StaleTempFiles
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    public static void Remove(string folder)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
            {
                var match = TempName().Match(Path.GetFileName(file));
                if (match.Success && int.TryParse(match.Groups["pid"].Value, out var pid) && IsStale(file, pid))
                    OutputLocation.TryDelete(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Tidying is best effort: a folder that cannot be listed is reported by the write itself, if at all.
        }
    }

    private static bool IsStale(string file, int pid) =>
        !IsRunning(pid) || File.GetLastWriteTimeUtc(file) < DateTime.UtcNow - MaxAge;

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\..+\.(?<pid>[0-9]{1,10})\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TempName();
}
