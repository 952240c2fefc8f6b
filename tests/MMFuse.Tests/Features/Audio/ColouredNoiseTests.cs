using System.Numerics;
using MMFuse.Features.Audio;
using NWaves.Transforms;

namespace MMFuse.Tests.Features.Audio;

public sealed class ColouredNoiseTests
{
    /// <summary>The least-squares slope, in dB per octave, of the averaged power spectrum between two frequencies.</summary>
    private static double SlopeDbPerOctave(float[] noise, int rate, double lowHz, double highHz)
    {
        const int size = 1024;
        var fft = new RealFft(size);
        var power = new double[size / 2 + 1];
        var re = new float[size / 2 + 1];
        var im = new float[size / 2 + 1];
        for (var start = 0; start + size <= noise.Length; start += size)
        {
            fft.Direct(noise[start..(start + size)], re, im);
            for (var k = 0; k <= size / 2; k++)
                power[k] += (double)re[k] * re[k] + (double)im[k] * im[k];
        }
        var points = Enumerable.Range(1, size / 2).Select(k => (Hz: (double)k * rate / size, Power: power[k]))
            .Where(p => p.Hz >= lowHz && p.Hz <= highHz)
            .Select(p => (X: Math.Log2(p.Hz), Y: 10 * Math.Log10(p.Power))).ToArray();
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        return points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
    }

    [Theory]
    [InlineData(NoiseColour.White, 0.0)]
    [InlineData(NoiseColour.Pink, -3.0)]
    [InlineData(NoiseColour.Brown, -6.0)]
    public void Each_colour_has_its_spectral_slope(NoiseColour colour, double expected)
    {
        var noise = ColouredNoise.Generate(colour, 1 << 18, new Random(5));
        // 100 Hz .. 4 kHz: the speech band, well above brown's leaky-integrator corner (≈ 13 Hz).
        Assert.InRange(SlopeDbPerOctave(noise, 16000, 100, 4000), expected - 0.5, expected + 0.5);
    }

    [Theory]
    [InlineData(NoiseColour.White, 0.0)]
    [InlineData(NoiseColour.Pink, 0.0)]
    [InlineData(NoiseColour.Brown, -5.0)]
    [InlineData(NoiseColour.Pink, 17.5)]
    public void Noise_is_added_at_the_exact_snr(NoiseColour colour, double snr)
    {
        var clean = AudioTestFiles.Sine(300, 16000, 8000);
        var noisy = (float[])clean.Clone();
        ColouredNoise.Add(noisy, colour, snr, new Random(1));
        var noise = noisy.Zip(clean, (a, b) => a - b).ToArray();
        var measured = 10 * Math.Log10(ColouredNoise.MeanPower(clean) / ColouredNoise.MeanPower(noise));
        Assert.Equal(snr, measured, 3);
    }

    [Fact]
    public void The_same_seed_gives_the_same_noise_and_another_seed_other_noise()
    {
        var a = ColouredNoise.Generate(NoiseColour.Pink, 5000, new Random(3));
        Assert.Equal(a, ColouredNoise.Generate(NoiseColour.Pink, 5000, new Random(3)));
        Assert.NotEqual(a, ColouredNoise.Generate(NoiseColour.Pink, 5000, new Random(4)));
    }

    [Fact]
    public void A_silent_clip_stays_silent()
    {
        var silence = new float[1000];
        ColouredNoise.Add(silence, NoiseColour.Brown, 0, new Random(1));
        Assert.All(silence, v => Assert.Equal(0f, v));
    }

    [Theory]
    [InlineData("pink", NoiseColour.Pink)]
    [InlineData(" Brown ", NoiseColour.Brown)]
    [InlineData("red", NoiseColour.Brown)]
    [InlineData("WHITE", NoiseColour.White)]
    public void Colours_parse_by_name(string name, NoiseColour colour) => Assert.Equal(colour, ColouredNoise.Parse(name));

    [Fact]
    public void An_unknown_colour_is_refused() => Assert.Throws<FormatException>(() => ColouredNoise.Parse("blue"));
}
