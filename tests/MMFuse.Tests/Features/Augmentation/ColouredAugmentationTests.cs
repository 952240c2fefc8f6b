using MMFuse.Features.Audio;
using MMFuse.Features.Augmentation;
using MMFuse.Tests.Features.Audio;

namespace MMFuse.Tests.Features.Augmentation;

public sealed class ColouredAugmentationTests
{
    private static readonly AudioAugmentationOptions NoiseOnly = new() { ShiftProbability = 0, GainProbability = 0, NoiseProbability = 1 };

    private static AudioClip Tone() => new(AudioTestFiles.Sine(440, 16000, 16000), 16000);

    [Fact]
    public void Coloured_noise_is_drawn_from_the_given_colours_at_the_drawn_snr_and_is_seeded()
    {
        var options = NoiseOnly with { NoiseColours = [NoiseColour.Pink, NoiseColour.Brown], MinSnrDb = 0, MaxSnrDb = 0 };
        var augmenter = new AudioAugmenter(options);
        var clip = Tone();
        var a = augmenter.AugmentWaveform(clip, new Random(8)).Samples;
        Assert.Equal(a, augmenter.AugmentWaveform(clip, new Random(8)).Samples);
        var noise = a.Zip(clip.Samples, (x, y) => x - y).ToArray();
        Assert.Equal(0, 10 * Math.Log10(ColouredNoise.MeanPower(clip.Samples) / ColouredNoise.MeanPower(noise)), 3);
        // Low-frequency heavy (pink or brown): consecutive noise samples are strongly correlated, unlike white noise's.
        var lag1 = noise.Skip(1).Zip(noise, (x, y) => (double)x * y).Average() / ColouredNoise.MeanPower(noise);
        Assert.True(lag1 > 0.5, $"lag-1 correlation {lag1:F2}");
    }

    [Fact]
    public void White_alone_keeps_the_original_noise_stream()
    {
        var clip = Tone();
        var before = new AudioAugmenter(NoiseOnly).AugmentWaveform(clip, new Random(3)).Samples;
        var expected = (float[])clip.Samples.Clone();
        var random = new Random(3);
        random.NextDouble(); // the noise chance
        AudioAugmenter.AddNoise(expected, NoiseOnly.MinSnrDb + (NoiseOnly.MaxSnrDb - NoiseOnly.MinSnrDb) * random.NextDouble(), random);
        Assert.Equal(expected, before);
    }

    [Fact]
    public void No_colour_is_refused() =>
        Assert.Throws<ArgumentException>(() => new AudioAugmenter(NoiseOnly with { NoiseColours = [] }));
}
