using MMFuse.Features.Audio;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;
using MMFuse.Features.Images;

namespace MMFuse.Bench;

/// <summary>
/// Row 4: the feature cache. <see cref="FeaturePipeline"/> over avdigits images (resnet18) and audio (logmel-stats)
/// into an empty cache folder (cold), then the same again with the cache reopened from disk (warm). Each round
/// uses a fresh folder. Extractors are built once outside the timed part (a warm run never loads the ONNX sessions).
/// </summary>
internal sealed class CacheBench(Datasets data, int count, int rounds, TextWriter log)
{
    public RowResult Run()
    {
        var loadBefore = MachineInfo.LoadAverage();
        var images = data.AvDigits("image", count);
        var audio = data.AvDigits("audio", count);
        using var imageExtractor = ImageFeatureExtractor.Create("resnet18");
        using var audioExtractor = AudioFeatureExtractor.Create("logmel-stats");
        var options = new ExtractionOptions();
        var root = Directory.CreateTempSubdirectory("mmfuse-bench-cache-").FullName;
        var round = 0;
        string? folder = null;
        long hits = 0;

        double Pass(bool cold)
        {
            if (cold)
                folder = Path.Combine(root, $"round{round++}");
            return Alternation.Time(() =>
            {
                using var cache = new FeatureCache(folder!);
                FeaturePipeline.Run(imageExtractor, "image", images, cache, options);
                FeaturePipeline.Run(audioExtractor, "audio", audio, cache, options);
                hits = cache.Hits;
            });
        }

        try
        {
            // Cold must precede warm within a round, so the order is not reversed here.
            var cold = new double[rounds];
            var warm = new double[rounds];
            Pass(true);
            Pass(false);
            for (var r = 0; r < rounds; r++)
            {
                cold[r] = Pass(true);
                warm[r] = Pass(false);
                log.WriteLine($"  round {r + 1}: cold {cold[r]:F2} s, warm {warm[r]:F3} s ({hits} hits)");
            }
            var coldSide = new SideResult("cold cache (empty folder)", "rows/s", Alternation.Rates(count, cold));
            var warmSide = new SideResult("warm cache (same run again)", "rows/s", Alternation.Rates(count, warm));
            var checks = new[] { new CheckResult("warm / cold", Stats.Ratios(warmSide, coldSide), 20, true, "≥ 20×",
                "a warm run still reads and SHA-256-hashes every file to find its key.") };
            var notes = new List<string>
            {
                $"Each row has an image (resnet18) and an audio clip (logmel-stats); the warm run had {hits} cache hits of {2 * count} cells. " +
                "The warm run still reads and hashes every file (SHA-256 content keys).",
            };
            return new RowResult("cache", "Warm cache: FeaturePipeline, avdigits images + audio", $"{count} rows, {rounds} rounds (cold then warm)",
                [coldSide, warmSide], checks, notes, loadBefore, MachineInfo.LoadAverage());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
