namespace MMFuse.Features.Audio;

/// <summary>
/// Framing and filterbank settings for the log-mel front end; see docs/audio-features.md for why each value
/// was chosen. Changing any of them changes the features, so the extractor's version must change too.
/// </summary>
public sealed record LogMelOptions
{
    /// <summary>The rate clips are resampled to before framing, in Hz.</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>Analysis window length in samples (25 ms at 16 kHz).</summary>
    public int FrameSize { get; init; } = 400;

    /// <summary>Hop between frames in samples (10 ms at 16 kHz).</summary>
    public int HopSize { get; init; } = 160;

    /// <summary>FFT length: the next power of two above the frame; the frame is zero-padded to it.</summary>
    public int FftSize { get; init; } = 512;

    /// <summary>The number of mel filters (and so of log-mel values per frame).</summary>
    public int MelBands { get; init; } = 64;

    /// <summary>Lower edge of the bottom filter, in Hz.</summary>
    public double LowHz { get; init; } = 0;

    /// <summary>Upper edge of the top filter; 0 means Nyquist.</summary>
    public double HighHz { get; init; } = 0;

    /// <summary>Mel power below this is clamped before the log, so silence gives ln(1e-10) ≈ -23.0, not -inf.</summary>
    public float LogFloor { get; init; } = 1e-10f;
}
