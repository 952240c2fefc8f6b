using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Audio;
using MMFuse.Fusion;

namespace MMFuse.Tests.Fusion.Joint;

/// <summary>
/// Synthetic spectrograms on the <c>logmel-frames</c> grid (40 time steps × 16 bands) where only the order of two
/// tones tells the classes apart: class 0 plays a low tone then a high one, class 1 the high tone first. Both tones
/// last half the clip, so every band's mean, spread, minimum and maximum over time have the same distribution in both
/// classes, and summary statistics cannot separate them. Tone bands, the switch point and the level vary per clip.
/// </summary>
internal static class ToneOrderData
{
    public const int Bands = 16;

    public static FusionTrainingSet Make(int rows, int seed)
    {
        var random = new Random(seed);
        var targets = Enumerable.Range(0, rows).Select(i => (float)(i % 2)).ToArray();
        var grids = targets.Select(t => Grid(random, lowFirst: t == 0)).ToArray();
        var block = new FeatureBlock("voice", LogMelFramesExtractor.Id, grids[0].Length, grids, Enumerable.Repeat(true, rows).ToArray());
        return new FusionTrainingSet([block], targets, TaskKind.Binary, 2, seed);
    }

    /// <summary>The same rows summarised per band over time (mean, std, min, max): what a statistics encoder sees.</summary>
    public static FusionTrainingSet AsStatistics(FusionTrainingSet spectrograms)
    {
        var block = spectrograms.Blocks[0];
        var rows = block.Rows.Select(Statistics).ToArray();
        return spectrograms with { Blocks = [new FeatureBlock("voice", "band-statistics", rows[0].Length, rows, block.Present)] };
    }

    private static float[] Grid(Random random, bool lowFirst)
    {
        var frames = LogMelFramesExtractor.Frames;
        var (low, high) = (random.Next(1, 5), random.Next(10, 15));
        var level = (float)(random.NextDouble() * 6 - 3);
        var grid = new float[frames * Bands];
        for (var t = 0; t < frames; t++)
        {
            var tone = (t < frames / 2) == lowFirst ? low : high;
            for (var b = 0; b < Bands; b++)
                grid[t * Bands + b] = level - 10 + (float)random.NextDouble() * 2 + (Math.Abs(b - tone) <= 1 ? 8 : 0);
        }
        return grid;
    }

    private static float[] Statistics(float[] grid)
    {
        var frames = grid.Length / Bands;
        var stats = new float[4 * Bands];
        for (var b = 0; b < Bands; b++)
        {
            var values = Enumerable.Range(0, frames).Select(t => (double)grid[t * Bands + b]).ToArray();
            var mean = values.Average();
            stats[b] = (float)mean;
            stats[Bands + b] = (float)Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
            stats[2 * Bands + b] = (float)values.Min();
            stats[3 * Bands + b] = (float)values.Max();
        }
        return stats;
    }
}
