using System.Diagnostics;
using System.Globalization;
using SkiaSharp;

namespace MMFuse.Bench;

/// <summary>
/// Row 5: peak resident memory of <c>mmfuse extract</c> (the CLI, as a user runs it) over N distinct generated
/// images with <c>--image-features pixels</c>, measured by GNU time's "Maximum resident set size". The goal is
/// that memory stays flat as N grows, i.e. the pipeline streams instead of holding decoded images.
/// </summary>
internal sealed class MemoryBench(string cliDll, int[] sizes, TextWriter log)
{
    private const string TimeTool = "/usr/bin/time";
    private const int ImageSize = 32;
    private const int FeatureDimension = 16 * 16; // the pixels featuriser's default output

    public RowResult Run()
    {
        var loadBefore = MachineInfo.LoadAverage();
        if (!File.Exists(TimeTool))
            throw new InvalidOperationException($"{TimeTool} is missing: apt-get install -y time");
        if (!File.Exists(cliDll))
            throw new InvalidOperationException($"{cliDll} is missing: build src/MMFuse.Cli in Release first");

        var root = Directory.CreateTempSubdirectory("mmfuse-bench-memory-").FullName;
        try
        {
            Generate(root, sizes.Max());
            var peaks = new List<double>();
            var seconds = new List<double>();
            foreach (var n in sizes)
            {
                var manifest = Path.Combine(root, $"manifest-{n}.csv");
                File.WriteAllLines(manifest, ["id,image", .. Enumerable.Range(0, n).Select(i => $"{i},img/{i:D6}.png")]);
                var (peakMiB, wall) = Measure(manifest, Path.Combine(root, $"cache-{n}"), Path.Combine(root, $"out-{n}.json"));
                log.WriteLine($"  {n} images: peak RSS {peakMiB:F0} MiB, {wall:F1} s");
                peaks.Add(peakMiB);
                seconds.Add(wall);
            }

            var sides = sizes.Select((n, i) => new SideResult($"{n:N0} images", "MiB peak RSS", [peaks[i]])).ToList();
            var checks = sizes.Skip(1).Select((n, i) => new CheckResult($"{n:N0} / {sizes[0]:N0} images", [peaks[i + 1] / peaks[0]], 1.2, false, "≤ 1.2×",
                $"the pipeline streams (it holds a chunk of {4 * 32} decoded images, and the next being decoded), but the CLI keeps per-row state for the whole run: every " +
                "feature row until the export is written (1 KiB per image here plus array overhead), the manifest's cells, ids and row " +
                "numbers, and one cache index entry per vector. That is O(N) by design, about " +
                $"{(peaks[i + 1] - peaks[0]) * 1024 * 1024 / (n - sizes[0]):F0} bytes per image measured; to stay flat the CLI would have to stream rows to its output.")).ToList();
            var notes = new List<string>
            {
                $"Wall time per run: {string.Join(", ", sizes.Select((n, i) => $"{n:N0} → {seconds[i]:F1} s"))} (including .NET start-up).",
                $"Marginal cost: {string.Join(", ", sizes.Skip(1).Select((n, i) => $"{(peaks[i + 1] - peaks[0]) * 1024 * 1024 / (n - sizes[0]):F0} bytes per extra image up to {n:N0}"))}.",
                $"The result itself grows with N: {FeatureDimension} floats per row ({string.Join(", ", sizes.Select(n => $"{n:N0} → {n * FeatureDimension * 4.0 / (1 << 20):F1} MiB"))}).",
                $"Images: {ImageSize}x{ImageSize} random-noise PNGs (distinct content, so no cache hits), generated with SkiaSharp; cold cache each run.",
            };
            return new RowResult("memory", "Peak memory of `mmfuse extract`", $"--image-features pixels, one run per size", sides, checks, notes,
                loadBefore, MachineInfo.LoadAverage());
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("MMFUSE_BENCH_KEEP") is null)
                Directory.Delete(root, recursive: true);
        }
    }

    private (double PeakMiB, double Seconds) Measure(string manifest, string cache, string json)
    {
        var start = new ProcessStartInfo(TimeTool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-v", "dotnet", cliDll, "extract", manifest, "--image-features", "pixels", "--cache", cache, "--json", json })
            start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        _ = stdout.Result;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"mmfuse extract failed ({process.ExitCode}):\n{stderr}");
        // The CLI's own summary must show every image computed, or the peak would belong to a different workload.
        using (var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json)))
        {
            var column = summary.RootElement.GetProperty("columns")[0];
            var computed = column.GetProperty("computed").GetInt32();
            var rows = summary.RootElement.GetProperty("rows").GetInt32();
            if (computed != rows)
                throw new InvalidOperationException($"mmfuse extract computed {computed} of {rows} images (a warm cache?)");
        }
        const string marker = "Maximum resident set size (kbytes):";
        var line = stderr.Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException("GNU time printed no maximum resident set size:\n" + stderr);
        var kib = double.Parse(line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim(), CultureInfo.InvariantCulture);
        return (kib / 1024, wall);
    }

    /// <summary>Writes img/000000.png ... as seeded random noise: every file differs, so nothing is a cache hit.</summary>
    private static void Generate(string root, int count)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "img")).FullName;
        Parallel.For(0, count, i =>
        {
            var random = new Random(i);
            using var bitmap = new SKBitmap(new SKImageInfo(ImageSize, ImageSize, SKColorType.Rgba8888, SKAlphaType.Opaque));
            var pixels = bitmap.GetPixelSpan();
            random.NextBytes(pixels);
            for (var p = 3; p < pixels.Length; p += 4)
                pixels[p] = 255;
            using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(Path.Combine(folder, $"{i:D6}.png"), png.ToArray());
        });
    }
}
