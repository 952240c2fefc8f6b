namespace MMFuse.Features.Audio;

/// <summary>
/// The "logmel-grid-cmvn" audio feature vector: the <c>logmel-grid</c> layout (statistics plus the eight-segment time
/// course, 928 values) computed from a log-mel matrix that was first mean- and variance-normalised per band over the
/// clip (<see cref="SpectralNormalisation.MeanVariance"/>). It gives up the absolute level and spectral tilt of a
/// clip — which say as much about the microphone, gain and background as about what was said — for features that
/// carry over to other recording conditions; docs/robustness.md measures the trade (a few points lost on clean
/// recordings of new voices, most of the accuracy kept under loud coloured noise where the raw grid collapses).
/// "logmel-grid-vad-cmvn" first trims leading and trailing non-speech (<see cref="VoiceActivityTrimmer"/>); it is
/// not the default because an energy trimmer cannot tell a quiet first or last sound from background, and on
/// avdigits it measured no better.
/// </summary>
public sealed class RobustLogMelExtractor : LogMelSummary
{
    /// <summary>The name of the normalised grid, in options, signatures and the feature cache.</summary>
    public const string Id = "logmel-grid-cmvn";

    /// <summary>The name of the trimmed, then normalised grid.</summary>
    public const string TrimmedId = "logmel-grid-vad-cmvn";

    /// <summary>Bump whenever any number this extractor produces would change (trimming or normalisation included).</summary>
    public const string Version = "1";

    private readonly LogMelGridExtractor _grid;
    private readonly VoiceActivityTrimmer? _trimmer;

    /// <param name="trim">Trim leading and trailing non-speech first (<see cref="TrimmedId"/>).</param>
    public RobustLogMelExtractor(bool trim = false) : this(new LogMelGridExtractor(), trim ? new VoiceActivityTrimmer() : null)
    {
    }

    internal RobustLogMelExtractor(LogMelGridExtractor grid, VoiceActivityTrimmer? trimmer) : base(grid.Spectrogram)
    {
        _grid = grid;
        _trimmer = trimmer;
    }

    /// <summary><inheritdoc /></summary>
    public override int Dimension => _grid.Dimension;

    /// <summary><inheritdoc /></summary>
    public override IReadOnlyList<string> FeatureNames => _grid.FeatureNames;

    /// <summary>The version and the trimmer's settings, for the extractor signature (so the cache never mixes settings).</summary>
    public string Settings => _trimmer is null ? Version : $"{Version};vad={Augmentation.AugmentationRandom.Fingerprint(_trimmer.Options)}";

    /// <summary><inheritdoc /></summary>
    public override float[] Summarise(float[][] logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        if (logMel.Length == 0)
            throw new ArgumentException("The log-mel matrix has no frames.", nameof(logMel));
        return _grid.Summarise(SpectralNormalisation.MeanVariance(_trimmer?.Trim(logMel) ?? logMel));
    }
}
