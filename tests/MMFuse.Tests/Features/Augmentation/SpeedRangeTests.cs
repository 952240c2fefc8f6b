using MMFuse.Data;
using MMFuse.Features.Audio;
using MMFuse.Features.Augmentation;
using MMFuse.Tests.Features.Audio;

namespace MMFuse.Tests.Features.Augmentation;

/// <summary>Speed perturbation: the clip's length and its frequencies move by the factor; off, nothing changes.</summary>
public sealed class SpeedRangeTests
{
    private const int Rate = 16000;
    private static readonly AudioAugmentationOptions Off = new() { ShiftProbability = 0, GainProbability = 0, NoiseProbability = 0 };

    /// <summary>The frequency of a tone from its sign changes over the middle half (the ends carry the resampler's edges).</summary>
    private static double Frequency(float[] x)
    {
        var (start, end) = (x.Length / 4, 3 * x.Length / 4);
        var crossings = 0;
        for (var i = start + 1; i < end; i++)
            if ((x[i - 1] < 0) != (x[i] < 0))
                crossings++;
        return crossings / 2.0 / ((end - start) / (double)Rate);
    }

    [Theory]
    [InlineData(1.25)]
    [InlineData(0.8)]
    [InlineData(1.1)]
    public void A_faster_clip_is_shorter_and_higher_by_the_factor(double factor)
    {
        var clip = new AudioClip(AudioTestFiles.Sine(1000, Rate, Rate), Rate);

        var played = AudioAugmenter.Speed(clip, factor);

        Assert.Equal(Rate, played.SampleRate);
        Assert.InRange(played.Samples.Length, Rate / factor - 2, Rate / factor + 2);
        Assert.InRange(Frequency(played.Samples), 1000 * factor * 0.99, 1000 * factor * 1.01);
        Assert.InRange(Frequency(clip.Samples), 990, 1010);
    }

    [Fact]
    public void Each_variant_draws_its_factor_in_the_range_and_the_same_seed_gives_the_same_clip()
    {
        var clip = new AudioClip(AudioTestFiles.Sine(440, Rate, Rate), Rate);
        var augmenter = new AudioAugmenter(Off with { Speed = new SpeedRange(0.9, 1.1) });

        var lengths = Enumerable.Range(0, 20).Select(s => augmenter.AugmentWaveform(clip, new Random(s)).Samples.Length).ToList();

        Assert.All(lengths, n => Assert.InRange(n, Rate / 1.1 - 2, Rate / 0.9 + 2));
        Assert.True(lengths.Distinct().Count() > 10, "the factor should vary from variant to variant");
        Assert.Equal(augmenter.AugmentWaveform(clip, new Random(3)).Samples, augmenter.AugmentWaveform(clip, new Random(3)).Samples);
        Assert.Equal(Rate, new AudioAugmenter(Off).AugmentWaveform(clip, new Random(3)).Samples.Length);
    }

    [Fact]
    public void The_speed_range_is_in_the_cache_key_and_off_leaves_the_key_as_it_was()
    {
        var plain = AugmentationRandom.Fingerprint(new AudioAugmentationOptions());

        Assert.Equal(plain, AugmentationRandom.Fingerprint(new AudioAugmentationOptions { Speed = null }));
        Assert.NotEqual(plain, AugmentationRandom.Fingerprint(new AudioAugmentationOptions { Speed = new SpeedRange(0.9, 1.1) }));
        Assert.NotEqual(AugmentationRandom.Fingerprint(new AudioAugmentationOptions { Speed = new SpeedRange(0.9, 1.1) }),
            AugmentationRandom.Fingerprint(new AudioAugmentationOptions { Speed = new SpeedRange(0.8, 1.2) }));
    }

    [Theory]
    [InlineData(0, 1.1)]
    [InlineData(1.1, 0.9)]
    [InlineData(0.9, 3)]
    [InlineData(double.NaN, 1)]
    public void A_range_that_is_not_a_plausible_speed_is_refused(double min, double max)
    {
        var error = Assert.Throws<MMFuseInputException>(() => new AudioAugmenter(Off with { Speed = new SpeedRange(min, max) }));
        Assert.Contains("AudioAugmentationOptions.Speed", error.Message);
    }
}
