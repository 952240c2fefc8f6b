using NWaves.Operations;
using NWaves.Signals;

namespace MMFuse.Features.Audio;

/// <summary>Decoded audio: mono samples (nominally in [-1, 1]) and their sample rate in Hz.</summary>
public sealed record AudioClip(float[] Samples, int SampleRate)
{
    public double DurationSeconds => (double)Samples.Length / SampleRate;

    /// <summary>
    /// Band-limited resampling with NWaves (<see cref="Operation.Resample"/>: windowed-sinc interpolation,
    /// with an anti-aliasing low-pass first when downsampling). Returns this clip when the rate already matches.
    /// </summary>
    public AudioClip ResampleTo(int rate)
    {
        if (rate <= 0)
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "Sample rate must be positive.");
        if (rate == SampleRate)
            return this;
        var resampled = Operation.Resample(new DiscreteSignal(SampleRate, Samples), rate);
        return new AudioClip(resampled.Samples, rate);
    }
}
