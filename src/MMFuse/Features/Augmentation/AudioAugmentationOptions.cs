using System.Text.Json.Serialization;
using MMFuse.Features.Audio;

namespace MMFuse.Features.Augmentation;

/// <summary>
/// Audio augmentation. On the waveform (at the spectrogram's sample rate), in this order: speed perturbation (off unless
/// <see cref="Speed"/> is set), time shift, gain,
/// additive noise (white, or of several colours). On the log-mel matrix afterwards: SpecAugment time and frequency masks filled with the matrix
/// mean. Probabilities of 0 or ranges of 0 turn a step off.
/// </summary>
public sealed record AudioAugmentationOptions
{
    /// <summary>
    /// Speed perturbation of every clip by a factor drawn in this range (<see cref="SpeedRange"/>); null (the default)
    /// leaves the speed alone, draws no random number and leaves the options' fingerprint, so cached variants stay valid.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SpeedRange? Speed { get; init; }

    /// <summary>Probability of a time shift.</summary>
    public double ShiftProbability { get; init; } = 0.5;

    /// <summary>Shift by up to this fraction of the clip's length, either way (uniform in samples).</summary>
    public double MaxShiftFraction { get; init; } = 0.1;

    /// <summary>
    /// <see cref="TimeShiftMode.Circular"/> (default) wraps the end round to the start: no silence is invented
    /// and the clip's energy is unchanged. <see cref="TimeShiftMode.ZeroPad"/> lets the shifted-out part fall
    /// off and fills the gap with silence. Both keep the length, so the frame count never changes.
    /// </summary>
    public TimeShiftMode ShiftMode { get; init; } = TimeShiftMode.Circular;

    /// <summary>Probability of a gain change.</summary>
    public double GainProbability { get; init; } = 0.5;

    /// <summary>Gain drawn uniformly in ±this many dB. Samples are not clipped: the features are computed in float.</summary>
    public double MaxGainDb { get; init; } = 6;

    /// <summary>Probability of adding white noise.</summary>
    public double NoiseProbability { get; init; } = 0.5;

    /// <summary>
    /// The colours the additive noise is drawn from, uniformly (<see cref="ColouredNoise"/>). White alone (the default)
    /// draws no colour, so its variants stay as they were; white, pink and brown together prepare a model for
    /// backgrounds whose power sits in the low frequencies, as most real ones do (docs/robustness.md).
    /// </summary>
    public IReadOnlyList<NoiseColour> NoiseColours { get; init; } = [NoiseColour.White];

    /// <summary>Noise at a signal-to-noise ratio drawn uniformly in [Min, Max] dB (of the clip's own mean power).</summary>
    public double MinSnrDb { get; init; } = 10;
    /// <summary>Upper end of the SNR range, in dB (see <see cref="MinSnrDb"/>).</summary>
    public double MaxSnrDb { get; init; } = 30;

    /// <summary>SpecAugment time masks: a count drawn in [Min, Max], each up to this fraction of the frames wide.</summary>
    public int MinTimeMasks { get; init; } = 1;
    /// <summary>Most time masks per clip (see <see cref="MinTimeMasks"/>).</summary>
    public int MaxTimeMasks { get; init; } = 2;
    /// <summary>Widest time mask, as a fraction of the clip's frames.</summary>
    public double MaxTimeMaskFraction { get; init; } = 0.1;

    /// <summary>SpecAugment frequency masks: a count drawn in [Min, Max], each up to this many mel bands wide.</summary>
    public int MinFrequencyMasks { get; init; } = 1;
    /// <summary>Most frequency masks per clip (see <see cref="MinFrequencyMasks"/>).</summary>
    public int MaxFrequencyMasks { get; init; } = 2;
    /// <summary>Widest frequency mask, in mel bands.</summary>
    public int MaxFrequencyMaskBands { get; init; } = 8;
}
