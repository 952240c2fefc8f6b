using NWaves.Filters.Base;

namespace MMFuse.Features.Audio;

/// <summary>
/// Seeded white, pink and brown noise, and mixing it into a clip at an exact signal-to-noise ratio.
/// NWaves' own noise builders (PinkNoiseBuilder, RedNoiseBuilder) draw from an unseeded generator, so they cannot
/// give the same noise for the same seed; instead Gaussian white noise from the caller's <see cref="Random"/> is
/// coloured with NWaves <see cref="IirFilter"/>s: pink with J. O. Smith's 3-pole/3-zero pinking filter (slope
/// within ±0.05 dB of −3 dB/octave from about 10 Hz up at 44.1 kHz, and close to it over the speech band at 16 kHz),
/// brown with a leaky integrator 1/(1 − 0.995 z⁻¹) (−6 dB/octave above ≈ 13 Hz at 16 kHz, bounded below it).
/// The filters first run over a warm-up stretch that is thrown away, so the start of the clip is not quieter than the rest.
/// </summary>
public static class ColouredNoise
{
    private const int WarmUp = 4096;

    private static readonly double[] PinkB = [0.049922035, -0.095993537, 0.050612699, -0.004408786];
    private static readonly double[] PinkA = [1, -2.494956002, 2.017265875, -0.522189400];
    private static readonly double[] BrownB = [1];
    private static readonly double[] BrownA = [1, -0.995];

    /// <summary>Noise of the colour, <paramref name="length"/> samples, scaled to unit mean power (mean square 1).</summary>
    public static float[] Generate(NoiseColour colour, int length, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var filter = colour switch
        {
            NoiseColour.White => null,
            NoiseColour.Pink => new IirFilter(PinkB, PinkA),
            NoiseColour.Brown => new IirFilter(BrownB, BrownA),
            _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, "Unknown noise colour."),
        };
        var warmUp = filter is null ? 0 : WarmUp;
        var noise = new float[length];
        for (var i = -warmUp; i < length; i++)
        {
            var white = (float)Gaussian(random);
            var sample = filter is null ? white : filter.Process(white);
            if (i >= 0)
                noise[i] = sample;
        }
        var power = MeanPower(noise);
        if (power > 0)
        {
            var scale = (float)(1 / Math.Sqrt(power));
            for (var i = 0; i < length; i++)
                noise[i] *= scale;
        }
        return noise;
    }

    /// <summary>
    /// Adds noise of the colour in place so that the clip's mean power over the noise's mean power is exactly
    /// <paramref name="snrDb"/> (both measured over the whole clip, the signal's own noise included). A silent clip
    /// has no power to be relative to and stays silent.
    /// </summary>
    public static void Add(float[] samples, NoiseColour colour, double snrDb, Random random)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var noise = Generate(colour, samples.Length, random);
        var gain = (float)Math.Sqrt(MeanPower(samples) / Math.Pow(10, snrDb / 10));
        for (var i = 0; i < samples.Length; i++)
            samples[i] += gain * noise[i];
    }

    /// <summary>The mean of the squared samples (0 for an empty clip).</summary>
    public static double MeanPower(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var v in samples)
            sum += (double)v * v;
        return samples.Length == 0 ? 0 : sum / samples.Length;
    }

    /// <summary>"white", "pink" or "brown" (case-insensitive); "red" is brown's other name.</summary>
    public static NoiseColour Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "white" => NoiseColour.White,
        "pink" => NoiseColour.Pink,
        "brown" or "red" => NoiseColour.Brown,
        _ => throw new FormatException($"'{name}' is not a noise colour: white, pink or brown"),
    };

    /// <summary>Box–Muller; 1 − NextDouble() is in (0, 1], so the log is finite.</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
