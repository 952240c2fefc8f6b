using MMFuse.Data;
using MMFuse.Features.Audio;

namespace MMFuse.Tests.Features.Audio;

public sealed class LogMelGridTests
{
    private static readonly LogMelGridExtractor Extractor = new();

    [Fact]
    public void Identity_and_layout()
    {
        Assert.Equal("logmel-grid", LogMelGridExtractor.Id);
        Assert.Equal(416 + 8 * 64, Extractor.Dimension);
        Assert.Equal(Extractor.Dimension, Extractor.FeatureNames.Count);
        Assert.Equal(Extractor.Dimension, Extractor.FeatureNames.Distinct().Count());
        Assert.Equal(new LogMelStatsExtractor().FeatureNames, Extractor.FeatureNames.Take(416));
        Assert.Equal("logmel00_seg0", Extractor.FeatureNames[416]);
        Assert.Equal("logmel00_seg1", Extractor.FeatureNames[416 + 64]);
        Assert.Equal("logmel63_seg7", Extractor.FeatureNames[^1]);
    }

    [Fact]
    public void Segments_average_every_frame_they_overlap()
    {
        // Ten frames into eight segments: segment k spans floor(1.25k) .. ceil(1.25(k+1)) - 1.
        var track = Enumerable.Range(0, 10).Select(t => new[] { (float)t, -2f * t }).ToArray();
        var means = new float[16];

        LogMelGridExtractor.SegmentMeans(track, 8, means);

        float[] expected = [0.5f, 1.5f, 2.5f, 3.5f, 5.5f, 6.5f, 7.5f, 8.5f];
        Assert.Equal(expected, Enumerable.Range(0, 8).Select(k => means[2 * k]));
        Assert.Equal(expected.Select(v => -2 * v), Enumerable.Range(0, 8).Select(k => means[2 * k + 1]));
    }

    [Fact]
    public void Clip_shorter_than_the_segment_count_repeats_frames()
    {
        var track = new[] { new[] { 3f }, new[] { 5f } };
        var means = new float[8];

        LogMelGridExtractor.SegmentMeans(track, 8, means);

        Assert.Equal([3f, 3f, 3f, 3f, 5f, 5f, 5f, 5f], means);
    }

    [Fact]
    public void Same_sounds_in_another_order_differ_only_in_the_time_course()
    {
        // A rising tone and the same tone falling: identical band statistics, opposite time courses.
        var rising = Chirp(300, 3000);
        var falling = rising.Reverse().ToArray();

        var up = Extractor.Extract(new AudioClip(rising, 16000));
        var down = Extractor.Extract(new AudioClip(falling, 16000));

        for (var b = 0; b < 64; b++)
            Assert.Equal(up[b], down[b], 0.5); // log-mel means ignore order (up to framing at the clip ends)
        var timeCourse = Enumerable.Range(416, 8 * 64).Max(i => Math.Abs(up[i] - down[i]));
        Assert.True(timeCourse > 5, $"largest time-course difference {timeCourse}");
    }

    [Fact]
    public void Statistics_part_equals_logmel_stats()
    {
        var clip = new AudioClip(Chirp(200, 2000), 16000);

        Assert.Equal(new LogMelStatsExtractor().Extract(clip), Extractor.Extract(clip).Take(416));
    }

    [Fact]
    public void Unknown_audio_extractor_names_the_choices()
    {
        var error = Assert.Throws<MMFuseInputException>(() => AudioFeatureExtractor.Create("mfcc"));

        Assert.Contains("'mfcc'", error.Message);
        Assert.Contains("logmel-grid, logmel-stats, logmel-grid-cmvn, logmel-grid-vad-cmvn, logmel-frames, logmel-grid-pcen, resnet18-spectrogram", error.Message);
        using var grid = AudioFeatureExtractor.Create("logmel-grid");
        Assert.Equal(("logmel-grid", 928), (grid.Signature.Id, grid.Signature.Dimension));
    }

    private static float[] Chirp(double from, double to)
    {
        const int n = 16000;
        var samples = new float[n];
        var phase = 0.0;
        for (var i = 0; i < n; i++)
        {
            phase += 2 * Math.PI * (from + (to - from) * i / n) / 16000;
            samples[i] = (float)(0.5 * Math.Sin(phase));
        }
        return samples;
    }
}
