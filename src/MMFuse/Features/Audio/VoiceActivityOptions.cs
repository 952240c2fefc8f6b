namespace MMFuse.Features.Audio;

/// <summary>
/// Energy-based trimming of leading and trailing non-speech (<see cref="VoiceActivityTrimmer"/>). Values are on the
/// natural-log scale of the log-mel front end (1 nat ≈ 4.3 dB). Changing any of them changes the features, so the
/// extractor that trims must change its version too.
/// </summary>
public sealed record VoiceActivityOptions
{
    /// <summary>A frame is active when its energy is above floor + this share of (peak − floor).</summary>
    public double ThresholdShare { get; init; } = 0.35;

    /// <summary>The floor: this percentile of the clip's frame energies (the quiet part, noise or silence).</summary>
    public double FloorPercentile { get; init; } = 10;

    /// <summary>Below this peak-over-floor range (≈ 13 dB) nothing stands out from the noise: the clip is kept whole.</summary>
    public double MinRangeNats { get; init; } = 3;

    /// <summary>Frames kept either side of the active stretch (10 ms each): onsets and fading ends are quiet.</summary>
    public int MarginFrames { get; init; } = 5;

    /// <summary>The trimmed clip is widened (around its centre) to at least this many frames, or the whole clip if shorter.</summary>
    public int MinFrames { get; init; } = 20;
}
