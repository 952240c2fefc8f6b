using NWaves.FeatureExtractors;
using NWaves.FeatureExtractors.Options;
using NWaves.Filters.Fda;
using NWaves.Windows;

namespace MMFuse.Features.Audio;

/// <summary>
/// Log-mel spectrogram with NWaves' <see cref="FilterbankExtractor"/>: Hann-windowed frames (no pre-emphasis,
/// no centring), power spectrum |X|², triangular mel filters on the HTK mel scale with unit peak, natural log.
/// Clips shorter than one frame are zero-padded to one frame so every decodable clip yields a spectrogram.
/// Thread-safe: NWaves extractors keep per-frame buffers, so one is created per call (cheap next to the FFTs).
/// </summary>
public sealed class LogMelSpectrogram
{
    private readonly FilterbankOptions _nwavesOptions;

    /// <summary>A front end with <paramref name="options"/> (default: 16 kHz, 25 ms frames, 64 bands).</summary>
    public LogMelSpectrogram(LogMelOptions? options = null)
    {
        Options = options ?? new LogMelOptions();
        var o = Options;
        if (o.FftSize < o.FrameSize)
            throw new ArgumentException($"FFT size {o.FftSize} is smaller than the frame size {o.FrameSize}.");
        var high = o.HighHz > 0 ? o.HighHz : o.SampleRate / 2.0;
        FilterBank = FilterBanks.Triangular(o.FftSize, o.SampleRate,
            FilterBanks.MelBands(o.MelBands, o.SampleRate, o.LowHz, high));
        _nwavesOptions = new FilterbankOptions
        {
            SamplingRate = o.SampleRate,
            FrameDuration = (double)o.FrameSize / o.SampleRate,
            HopDuration = (double)o.HopSize / o.SampleRate,
            FilterBank = FilterBank,
            Window = WindowType.Hann,
            SpectrumType = SpectrumType.Power,
            NonLinearity = NonLinearityType.LogE,
            LogFloor = o.LogFloor,
        };
    }

    /// <summary>The framing and filterbank settings in use.</summary>
    public LogMelOptions Options { get; }

    /// <summary>Filter weights, [band][fft bin], bins 0..FftSize/2.</summary>
    internal float[][] FilterBank { get; }

    /// <summary>The log-mel matrix, [frame][band], low bands first.</summary>
    public float[][] Compute(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var samples = clip.ResampleTo(Options.SampleRate).Samples;
        if (samples.Length == 0)
            throw new ArgumentException("The clip has no samples.", nameof(clip));
        if (samples.Length < Options.FrameSize)
        {
            // Deliberate zero padding: a 10 ms click is still a valid (if quiet) sound, not a decode error.
            Array.Resize(ref samples, Options.FrameSize);
        }
        var frames = new FilterbankExtractor(_nwavesOptions).ComputeFrom(samples);
        return [.. frames];
    }
}
