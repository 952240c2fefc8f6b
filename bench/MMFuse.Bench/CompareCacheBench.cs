using System.Diagnostics;
using System.Text.Json;

namespace MMFuse.Bench;

/// <summary>
/// Row 5: the whole <c>mmfuse compare MANIFEST --label digit --strategies early/logreg</c> command, as a user runs it,
/// with a cold feature cache (an empty folder) and then warm (the same folder again). Each round starts a new folder.
/// The command's own <c>--json</c> summary gives the feature stage's share.
/// </summary>
internal sealed class CompareCacheBench(Datasets data, string cliDll, int count, int rounds, TextWriter log)
{
    public RowResult Run()
    {
        var loadBefore = MachineInfo.LoadAverage();
        if (!File.Exists(cliDll))
            throw new InvalidOperationException($"{cliDll} is missing: build src/MMFuse.Cli in Release first");
        var root = Directory.CreateTempSubdirectory("mmfuse-bench-compare-").FullName;
        try
        {
            var manifest = Subset(Path.Combine(root, "avdigits.csv"));
            var round = 0;
            string cache = "";
            double featureSeconds = 0;
            double Pass(bool cold)
            {
                if (cold)
                    cache = Path.Combine(root, $"cache{round++}");
                var json = Path.Combine(root, "compare.json");
                var seconds = Alternation.Time(() => Cli(manifest, cache, json));
                using var summary = JsonDocument.Parse(File.ReadAllText(json));
                featureSeconds = summary.RootElement.GetProperty("seconds").GetProperty("features").GetDouble();
                return seconds;
            }

            // Cold must precede warm within a round, so the order is not reversed here.
            var cold = new double[rounds];
            var warm = new double[rounds];
            var coldFeatures = new double[rounds];
            var warmFeatures = new double[rounds];
            Pass(true);
            Pass(false);
            for (var r = 0; r < rounds; r++)
            {
                cold[r] = Pass(true);
                coldFeatures[r] = featureSeconds;
                warm[r] = Pass(false);
                warmFeatures[r] = featureSeconds;
                log.WriteLine($"  round {r + 1}: cold {cold[r]:F2} s (features {coldFeatures[r]:F2} s), warm {warm[r]:F2} s (features {warmFeatures[r]:F2} s)");
            }
            var sides = new[]
            {
                new SideResult("cold cache: whole command", "s", cold),
                new SideResult("warm cache: whole command", "s", warm),
                new SideResult("cold cache: feature stage (--json seconds.features)", "s", coldFeatures),
                new SideResult("warm cache: feature stage", "s", warmFeatures),
            };
            var checks = new[]
            {
                new CheckResult("cold / warm, whole command", Stats.Ratios(sides[0], sides[1]), 20, true, "≥ 20×",
                    "with features cached, what is left is the rest of the command: .NET start-up, reading and checking the manifest, " +
                    "hashing every file for its cache key, and the 5-fold early/logreg cross-validation itself (see the warm feature-stage " +
                    "figure: the cache part is a small share). The ratio is bounded by the learning, not by the cache."),
                new CheckResult("cold / warm, feature stage", Stats.Ratios(sides[2], sides[3]), 20, true, "≥ 20×",
                    "a warm run still reads and SHA-256-hashes every file to find its key."),
            };
            var notes = new List<string>
            {
                $"`dotnet MMFuse.Cli.dll compare avdigits.csv --label digit --strategies early/logreg --threads 2 --cache DIR --json FILE` on the first " +
                $"{count} avdigits rows (image: pixels, 256-d, as `auto` picks for 8-px images; audio: logmel-grid, 928-d, the default); wall time of the process, .NET start-up included.",
            };
            return new RowResult("compare-cache", "Warm cache: `mmfuse compare` (early/logreg), cold vs warm feature cache",
                $"{count} rows, {rounds} rounds (cold then warm)", sides, checks, notes, loadBefore, MachineInfo.LoadAverage());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The first rows of avdigits.csv with absolute media paths, so the subset can live in a temporary folder.</summary>
    private string Subset(string path)
    {
        var folder = Path.GetDirectoryName(data.AvDigitsManifest)!;
        var lines = File.ReadLines(data.AvDigitsManifest).ToList();
        if (lines[0] != "id,image,audio,digit")
            throw new InvalidOperationException($"{data.AvDigitsManifest}: unexpected header '{lines[0]}'");
        if (lines.Count - 1 < count)
            throw new InvalidOperationException($"asked for {count} avdigits rows, the dataset has {lines.Count - 1}");
        File.WriteAllLines(path, [lines[0], .. lines.Skip(1).Take(count).Select(l =>
        {
            var cells = l.Split(',');
            return $"{cells[0]},{Path.Combine(folder, cells[1])},{Path.Combine(folder, cells[2])},{cells[3]}";
        })]);
        return path;
    }

    private void Cli(string manifest, string cache, string json)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cliDll, "compare", manifest, "--label", "digit", "--strategies", "early/logreg", "--threads", "2", "--cache", cache, "--json", json })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"mmfuse compare failed ({process.ExitCode}):\n{stderr}");
    }
}
