using MMFuse.Features.Audio;
using MMFuse.Features.Extraction;

namespace MMFuse.Tests.Features.Audio;

public sealed class LogMelFramesTests
{
    [Fact]
    public void The_grid_holds_each_stretch_mean_of_every_band_frame_major()
    {
        var extractor = new LogMelFramesExtractor();
        // 80 frames: step k is the mean of frames 2k and 2k + 1; band b of frame t holds 1000 t + b.
        var logMel = Enumerable.Range(0, 80).Select(t => Enumerable.Range(0, 64).Select(b => 1000f * t + b).ToArray()).ToArray();
        var grid = extractor.Summarise(logMel);
        Assert.Equal(40 * 64, grid.Length);
        Assert.Equal(extractor.Dimension, extractor.FeatureNames.Count);
        Assert.Equal("logmel05_t03", extractor.FeatureNames[3 * 64 + 5]);
        for (var k = 0; k < 40; k++)
            for (var b = 0; b < 64; b += 21)
                Assert.Equal(1000f * (2 * k + 0.5f) + b, grid[k * 64 + b]);
    }

    [Fact]
    public void A_clip_shorter_than_the_grid_repeats_frames_and_the_signature_is_versioned()
    {
        var logMel = Enumerable.Range(0, 3).Select(t => Enumerable.Repeat((float)t, 64).ToArray()).ToArray();
        var grid = new LogMelFramesExtractor().Summarise(logMel);
        Assert.All(grid, v => Assert.InRange(v, 0f, 2f));
        Assert.Equal(0f, grid[0]);
        Assert.Equal(2f, grid[^1]);
        using var extractor = AudioFeatureExtractor.Create(LogMelFramesExtractor.Id);
        Assert.Equal(LogMelFramesExtractor.Id, extractor.Signature.Id);
        Assert.Equal(LogMelFramesExtractor.Version, extractor.Signature.Version);
        Assert.Equal(2560, extractor.Signature.Dimension);
    }
}
