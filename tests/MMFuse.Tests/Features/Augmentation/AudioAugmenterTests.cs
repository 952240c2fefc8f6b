using MMFuse.Features.Audio;
using MMFuse.Features.Augmentation;
using MMFuse.Tests.Features.Audio;

namespace MMFuse.Tests.Features.Augmentation;

public sealed class AudioAugmenterTests
{
    private static readonly AudioAugmentationOptions Off = new() { ShiftProbability = 0, GainProbability = 0, NoiseProbability = 0 };

    private static AudioClip Tone(int count = 16000) => new(AudioTestFiles.Sine(440, 16000, count), 16000);

    private static double Power(IEnumerable<float> x) => x.Average(v => (double)v * v);

    [Fact]
    public void Circular_shift_wraps_and_zero_pad_shift_fills_the_gap_with_silence()
    {
        float[] x = [1, 2, 3, 4, 5];
        Assert.Equal([4, 5, 1, 2, 3], AudioAugmenter.Shift(x, 2, TimeShiftMode.Circular));
        Assert.Equal([2, 3, 4, 5, 1], AudioAugmenter.Shift(x, -1, TimeShiftMode.Circular));
        Assert.Equal([0, 0, 1, 2, 3], AudioAugmenter.Shift(x, 2, TimeShiftMode.ZeroPad));
        Assert.Equal([3, 4, 5, 0, 0], AudioAugmenter.Shift(x, -2, TimeShiftMode.ZeroPad));
        Assert.Equal([1, 2, 3, 4, 5], x);
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(20.0)]
    [InlineData(30.0)]
    public void Noise_at_a_given_snr_has_the_matching_power_ratio(double snr)
    {
        var clip = Tone();
        var options = Off with { NoiseProbability = 1, MinSnrDb = snr, MaxSnrDb = snr };
        var noisy = new AudioAugmenter(options).AugmentWaveform(clip, new Random(11));
        var noise = noisy.Samples.Zip(clip.Samples, (a, b) => a - b).ToArray();
        var measured = 10 * Math.Log10(Power(clip.Samples) / Power(noise));
        Assert.InRange(measured, snr - 0.25, snr + 0.25); // 16000 Gaussian samples: the power estimate is good to ~1 %
        Assert.InRange(noise.Average(), -0.01, 0.01);
    }

    [Fact]
    public void Gain_scales_every_sample_alike_within_six_decibels()
    {
        var clip = Tone();
        var augmenter = new AudioAugmenter(Off with { GainProbability = 1 });
        for (var seed = 0; seed < 10; seed++)
        {
            var louder = augmenter.AugmentWaveform(clip, new Random(seed)).Samples;
            var gain = louder[100] / clip.Samples[100];
            Assert.InRange(20 * Math.Log10(gain), -6.0001, 6.0001);
            for (var i = 1; i < clip.Samples.Length; i += 97)
                Assert.Equal(clip.Samples[i] * gain, louder[i], 1e-5f);
        }
    }

    [Fact]
    public void Waveform_augmentation_keeps_length_and_rate_and_leaves_the_input_alone()
    {
        var clip = Tone(12345);
        var copy = (float[])clip.Samples.Clone();
        var augmenter = new AudioAugmenter(new AudioAugmentationOptions { ShiftProbability = 1, GainProbability = 1, NoiseProbability = 1 });
        var a = augmenter.AugmentWaveform(clip, new Random(2));
        Assert.Equal((12345, 16000), (a.Samples.Length, a.SampleRate));
        Assert.Equal(copy, clip.Samples);
        Assert.Equal(a.Samples, augmenter.AugmentWaveform(clip, new Random(2)).Samples);
        Assert.NotEqual(a.Samples, augmenter.AugmentWaveform(clip, new Random(3)).Samples);
    }

    [Fact]
    public void A_silent_clip_stays_silent()
    {
        var silent = new AudioClip(new float[1000], 16000);
        var a = new AudioAugmenter(Off with { NoiseProbability = 1, GainProbability = 1 }).AugmentWaveform(silent, new Random(1));
        Assert.All(a.Samples, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Spectrogram_masks_cover_whole_frames_and_bands_with_the_mean_within_the_limits()
    {
        var mel = new LogMelSpectrogram().Compute(Tone(32000)); // 198 frames x 64 bands
        var mean = (float)mel.SelectMany(f => f).Average(v => (double)v);
        var augmenter = new AudioAugmenter(new AudioAugmentationOptions());
        var maskedSome = false;
        for (var seed = 0; seed < 20; seed++)
        {
            var masked = augmenter.MaskSpectrogram(mel, new Random(seed));
            Assert.Equal(mel.Length, masked.Length);
            Assert.All(masked, f => Assert.Equal(64, f.Length));
            var frames = Enumerable.Range(0, mel.Length).Count(t => masked[t].All(v => v == mean));
            var bands = Enumerable.Range(0, 64).Count(b => masked.All(f => f[b] == mean));
            Assert.InRange(frames, 0, 2 * (int)(0.1 * mel.Length));
            Assert.InRange(bands, 0, 2 * 8);
            for (var t = 0; t < mel.Length; t++)
                for (var b = 0; b < 64; b++)
                    Assert.True(masked[t][b] == mel[t][b] || masked[t][b] == mean);
            maskedSome |= frames > 0 && bands > 0;
        }
        Assert.True(maskedSome);
        Assert.Equal(mean, (float)mel.SelectMany(f => f).Average(v => (double)v)); // input untouched
    }

    [Fact]
    public void Out_of_range_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioAugmenter(new() { NoiseProbability = -0.1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioAugmenter(new() { MinSnrDb = 30, MaxSnrDb = 10 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioAugmenter(new() { MaxShiftFraction = 2 }));
    }
}
