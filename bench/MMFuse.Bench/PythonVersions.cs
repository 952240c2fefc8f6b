using System.Diagnostics;

namespace MMFuse.Bench;

/// <summary>The versions of the Python peers' libraries, and the Debian packages they came from, for the report header.</summary>
internal static class PythonVersions
{
    public static string Describe(string python)
    {
        var modules = Run(python, "-c", "import sys, numpy, sklearn, torch; print(f'Python {sys.version.split()[0]}; numpy {numpy.__version__}; " +
            "scikit-learn {sklearn.__version__}; PyTorch {torch.__version__}')");
        var packages = Run("dpkg-query", "-W", "-f=${Package} ${Version}, ", "python3-sklearn", "python3-torch", "python3-numpy").TrimEnd(' ', ',');
        return $"Peers: {python}: {modules} (Debian packages: {packages})";
    }

    private static string Run(string file, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in arguments)
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Trim() : $"({file} exited {process.ExitCode})";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"({file}: {ex.Message})";
        }
    }
}
