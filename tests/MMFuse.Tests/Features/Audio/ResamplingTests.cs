using MMFuse.Features.Audio;
using NWaves.Filters.Base;
using NWaves.Filters.Fda;
using NWaves.Signals;

namespace MMFuse.Tests.Features.Audio;

public sealed class ResamplingTests
{
    [Theory]
    [InlineData(8000)]
    [InlineData(11025)]
    [InlineData(22050)]
    [InlineData(44100)]
    [InlineData(48000)]
    public void Tone_survives_resampling_to_16k_in_phase(int rate)
    {
        var clip = new AudioClip(AudioTestFiles.Sine(440, rate, rate / 2), rate).ResampleTo(16000);

        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal(rate / 2 * 16000 / rate, clip.Samples.Length); // floor(duration × 16000)
        // Away from the edges (where the sinc kernel runs out of input) the samples are the same sine sampled
        // at 16 kHz: no delay from the anti-aliasing filter, no gain change.
        for (var i = 200; i < clip.Samples.Length - 200; i++)
            Assert.Equal(0.5 * Math.Sin(2 * Math.PI * 440 * i / 16000), clip.Samples[i], 2e-3);
    }

    [Fact]
    public void Downsampling_removes_content_above_the_new_Nyquist()
    {
        var clip = new AudioClip(AudioTestFiles.Sine(10000, 44100, 44100), 44100).ResampleTo(16000);
        Assert.True(AudioTestFiles.Rms(clip.Samples.AsSpan(500, 15000)) < 1e-3); // input rms 0.35
    }

    [Fact]
    public void AvDigits_clip_matches_sox_resampling_below_4500_Hz()
    {
        // avdigits-0394-16k.wav was made with `sox -D in.wav -r 16000 -b 16`, an independent resampler. Resamplers
        // legitimately differ in the roll-off just under the old Nyquist (5.5 kHz), and this clip has energy there
        // (sox and scipy's resample_poly differ by 10% rms overall), so both are low-passed at 4.5 kHz first.
        var ours = AudioDecoder.DecodeForFeatures(AudioTestFiles.Fixture("avdigits-0394.wav")).Samples;
        var sox = AudioDecoder.Decode(AudioTestFiles.Fixture("avdigits-0394-16k.wav")).Samples;
        Assert.InRange(ours.Length, sox.Length - 1, sox.Length + 1);

        var lowPass = new FirFilter(DesignFilter.FirWinLp(255, 4500.0 / 16000));
        var n = Math.Min(ours.Length, sox.Length);
        var a = lowPass.ApplyTo(new DiscreteSignal(16000, ours[..n])).Samples;
        var b = lowPass.ApplyTo(new DiscreteSignal(16000, sox[..n])).Samples;
        var error = AudioTestFiles.Rms(a.Zip(b, (x, y) => x - y).ToArray().AsSpan(300, n - 600));
        var signal = AudioTestFiles.Rms(b.AsSpan(300, n - 600));
        Assert.True(error < 0.003 * signal, $"rms difference {error} vs signal {signal}"); // measured -68 dB
    }

    [Fact]
    public void Same_rate_returns_the_clip_itself()
    {
        var clip = new AudioClip([0.1f, 0.2f], 16000);
        Assert.Same(clip, clip.ResampleTo(16000));
    }
}
