using MMFuse.Features.Audio;
using static MMFuse.Features.Augmentation.AugmentationRandom;

namespace MMFuse.Features.Augmentation;

/// <summary>
/// Waveform augmentation (time shift, gain, additive noise) and SpecAugment masks on a log-mel matrix. Both keep
/// the shape of their input and never modify it: they return new arrays.
/// </summary>
internal sealed class AudioAugmenter
{
    private readonly AudioAugmentationOptions _o;

    public AudioAugmenter(AudioAugmentationOptions options)
    {
        _o = options;
        CheckProbability(options.ShiftProbability, nameof(options.ShiftProbability));
        CheckProbability(options.GainProbability, nameof(options.GainProbability));
        CheckProbability(options.NoiseProbability, nameof(options.NoiseProbability));
        CheckRange(0, options.MaxShiftFraction, nameof(options.MaxShiftFraction));
        if (options.MaxShiftFraction > 1)
            throw new ArgumentOutOfRangeException(nameof(options.MaxShiftFraction), options.MaxShiftFraction, "A shift cannot exceed the clip.");
        CheckRange(0, options.MaxGainDb, nameof(options.MaxGainDb));
        CheckRange(options.MinSnrDb, options.MaxSnrDb, "SnrDb");
        if (options.NoiseColours is null || options.NoiseColours.Count == 0)
            throw new ArgumentException("NoiseColours: give at least one colour.", nameof(options));
        CheckRange(options.MinTimeMasks, options.MaxTimeMasks, "TimeMasks", min: 0);
        CheckRange(options.MinFrequencyMasks, options.MaxFrequencyMasks, "FrequencyMasks", min: 0);
        CheckRange(0, options.MaxTimeMaskFraction, nameof(options.MaxTimeMaskFraction));
        options.Speed?.Validate();
        CheckRange(0, options.MaxFrequencyMaskBands, nameof(options.MaxFrequencyMaskBands));
    }

    /// <summary>Speed (when set: the length changes by its factor), then shift, gain and noise, which keep the length;
    /// the sample rate is the input's.</summary>
    public AudioClip AugmentWaveform(AudioClip clip, Random random)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var x = _o.Speed is { } speed ? Speed(clip, Uniform(random, speed.Min, speed.Max)).Samples : clip.Samples;
        if (Chance(random, _o.ShiftProbability))
        {
            var max = (int)(_o.MaxShiftFraction * x.Length);
            x = Shift(x, random.Next(-max, max + 1), _o.ShiftMode);
        }
        else
        {
            x = (float[])x.Clone();
        }
        if (Chance(random, _o.GainProbability))
        {
            var gain = (float)Math.Pow(10, Uniform(random, -_o.MaxGainDb, _o.MaxGainDb) / 20);
            for (var i = 0; i < x.Length; i++)
                x[i] *= gain;
        }
        if (Chance(random, _o.NoiseProbability))
        {
            var snr = Uniform(random, _o.MinSnrDb, _o.MaxSnrDb);
            // White alone keeps the original generator and stream, so existing variants do not change.
            if (_o.NoiseColours is [NoiseColour.White])
                AddNoise(x, snr, random);
            else
                ColouredNoise.Add(x, _o.NoiseColours[random.Next(_o.NoiseColours.Count)], snr, random);
        }
        return new AudioClip(x, clip.SampleRate);
    }

    /// <summary>
    /// The clip played <paramref name="factor"/> times as fast, as sox's and Kaldi's <c>speed</c>: its samples are taken
    /// to be at <c>rate × factor</c> and resampled to <c>rate</c> (NWaves' windowed sinc, with the anti-aliasing low-pass
    /// when speeding up), so it is 1/factor as long and every frequency is factor times higher. The rate is rounded to
    /// whole hertz, so the factor applied is <c>round(rate × factor) / rate</c>. The input is left alone.
    /// </summary>
    internal static AudioClip Speed(AudioClip clip, double factor)
    {
        var played = (int)Math.Round(clip.SampleRate * factor);
        if (played == clip.SampleRate || clip.Samples.Length < 2)
            return new AudioClip((float[])clip.Samples.Clone(), clip.SampleRate);
        return new AudioClip(NWavesResampler.Resample(clip.Samples, played, clip.SampleRate), clip.SampleRate);
    }

    /// <summary>Positive <paramref name="by"/> moves the sound later.</summary>
    internal static float[] Shift(float[] x, int by, TimeShiftMode mode)
    {
        var n = x.Length;
        var y = new float[n];
        if (n == 0)
            return y;
        if (mode == TimeShiftMode.Circular)
        {
            var k = ((by % n) + n) % n;
            Array.Copy(x, 0, y, k, n - k);
            Array.Copy(x, n - k, y, 0, k);
        }
        else if (Math.Abs(by) < n)
        {
            if (by >= 0) Array.Copy(x, 0, y, by, n - by);
            else Array.Copy(x, -by, y, 0, n + by);
        }
        return y;
    }

    /// <summary>
    /// Gaussian white noise with power = signal power / 10^(snr/10), the signal power being the clip's mean
    /// square. A silent clip has no power to be relative to and stays silent.
    /// </summary>
    internal static void AddNoise(float[] x, double snrDb, Random random)
    {
        double power = 0;
        foreach (var v in x)
            power += (double)v * v;
        power /= Math.Max(x.Length, 1);
        var sigma = Math.Sqrt(power / Math.Pow(10, snrDb / 10));
        for (var i = 0; i < x.Length; i++)
            x[i] += (float)(sigma * Gaussian(random));
    }

    /// <summary>Box–Muller; 1 − NextDouble() is in (0, 1], so the log is finite.</summary>
    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>
    /// SpecAugment (Park et al. 2019) without time warping: a few time masks (whole frames) and frequency masks
    /// (whole bands), each of a width drawn uniformly from 0 to its maximum, filled with the matrix mean (the
    /// log-mel floor would be far below the data and look like silence). Input is [frame][band].
    /// </summary>
    public float[][] MaskSpectrogram(float[][] mel, Random random)
    {
        ArgumentNullException.ThrowIfNull(mel);
        var result = mel.Select(f => (float[])f.Clone()).ToArray();
        var frames = result.Length;
        if (frames == 0)
            return result;
        var bands = result[0].Length;
        var mean = (float)result.SelectMany(f => f).Average(v => (double)v);

        var timeMasks = random.Next(_o.MinTimeMasks, _o.MaxTimeMasks + 1);
        var maxFrames = (int)(_o.MaxTimeMaskFraction * frames);
        for (var m = 0; m < timeMasks; m++)
        {
            var (start, width) = Span(frames, maxFrames, random);
            for (var t = start; t < start + width; t++)
                Array.Fill(result[t], mean);
        }
        var frequencyMasks = random.Next(_o.MinFrequencyMasks, _o.MaxFrequencyMasks + 1);
        var maxBands = Math.Min(_o.MaxFrequencyMaskBands, bands);
        for (var m = 0; m < frequencyMasks; m++)
        {
            var (start, width) = Span(bands, maxBands, random);
            foreach (var frame in result)
                Array.Fill(frame, mean, start, width);
        }
        return result;
    }

    private static (int Start, int Width) Span(int length, int maxWidth, Random random)
    {
        var width = random.Next(0, maxWidth + 1);
        return (random.Next(0, length - width + 1), width);
    }
}
