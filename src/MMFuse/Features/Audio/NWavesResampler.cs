using NWaves.Filters.Base;
using NWaves.Filters.Fda;
using NWaves.Operations;
using NWaves.Signals;

namespace MMFuse.Features.Audio;

/// <summary>
/// Sample-rate conversion with NWaves' windowed-sinc <see cref="Operation.Resample"/>.
/// When downsampling, NWaves' own anti-aliasing step is a causal 101-tap FIR, which shifts the output
/// 50 input samples late (measured: a half-period phase error on a 440 Hz tone at 44.1 kHz). So the
/// low-pass here is the same NWaves window design run forwards and backwards (<see cref="ZiFilter.ZeroPhase"/>,
/// like scipy's filtfilt), and NWaves is handed an identity filter so it does not filter a second time.
/// </summary>
internal static class NWavesResampler
{
    private const int AntiAliasOrder = 101;
    private static readonly FirFilter Identity = new(new[] { 1.0 });

    public static float[] Resample(float[] samples, int fromRate, int toRate)
    {
        var signal = new DiscreteSignal(fromRate, samples);
        if (toRate >= fromRate)
            return Operation.Resample(signal, toRate).Samples;

        var cutoff = 0.5 * toRate / fromRate; // new Nyquist, relative to the old rate
        var lowPass = new ZiFilter(DesignFilter.FirWinLp(AntiAliasOrder, cutoff), new[] { 1.0 });
        // ZeroPhase pads by reflection; the pad must be shorter than the signal.
        var pad = Math.Min(3 * (AntiAliasOrder - 1), samples.Length - 1);
        var filtered = lowPass.ZeroPhase(signal, pad);
        return Operation.Resample(filtered, toRate, Identity).Samples;
    }
}
