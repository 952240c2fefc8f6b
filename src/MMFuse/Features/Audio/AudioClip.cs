namespace MMFuse.Features.Audio;

/// <summary>Decoded audio: mono samples (nominally in [-1, 1]) and their sample rate in Hz.</summary>
public sealed record AudioClip(float[] Samples, int SampleRate)
{
    /// <summary>The clip's length in seconds.</summary>
    public double DurationSeconds => (double)Samples.Length / SampleRate;

    /// <summary>
    /// Band-limited resampling with NWaves (windowed-sinc interpolation, with a zero-phase anti-aliasing
    /// low-pass first when downsampling; see <see cref="NWavesResampler"/>). Returns this clip when the rate
    /// already matches. The output has floor(length × rate / SampleRate) samples.
    /// </summary>
    public AudioClip ResampleTo(int rate)
    {
        if (rate <= 0)
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "Sample rate must be positive.");
        if (rate == SampleRate)
            return this;
        return new AudioClip(NWavesResampler.Resample(Samples, SampleRate, rate), rate);
    }
}
