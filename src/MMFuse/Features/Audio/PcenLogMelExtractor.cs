namespace MMFuse.Features.Audio;

/// <summary>
/// The "logmel-grid-pcen" audio feature vector: the <c>logmel-grid</c> layout (statistics plus the eight-segment time
/// course, 928 values) computed from the PCEN of the mel energies (<see cref="Pcen"/>) instead of their logarithm.
/// PCEN divides each band by its own recent level, so stationary background noise and the recording's gain fall out
/// while the onsets of speech stay; docs/robustness.md measures it against the log-mel and per-clip normalisation.
/// </summary>
public sealed class PcenLogMelExtractor : LogMelSummary
{
    /// <summary>The extractor's name, in options, signatures and the feature cache.</summary>
    public const string Id = "logmel-grid-pcen";

    /// <summary>Bump whenever any number this extractor produces would change.</summary>
    public const string Version = "1";

    private readonly LogMelGridExtractor _grid = new();

    /// <param name="options">PCEN settings; null for librosa's defaults, started at the first frame.</param>
    public PcenLogMelExtractor(PcenOptions? options = null) : base(new LogMelSpectrogram())
    {
        Options = options ?? new PcenOptions();
    }

    /// <summary>The PCEN settings.</summary>
    public PcenOptions Options { get; }

    /// <summary>The version and the PCEN settings, for the extractor signature (so the cache never mixes settings).</summary>
    public string Settings => $"{Version};pcen={Augmentation.AugmentationRandom.Fingerprint(Options)}";

    /// <summary><inheritdoc /></summary>
    public override int Dimension => _grid.Dimension;

    /// <summary><inheritdoc /></summary>
    public override IReadOnlyList<string> FeatureNames => _grid.FeatureNames;

    /// <summary><inheritdoc /></summary>
    public override float[] Summarise(float[][] logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        if (logMel.Length == 0)
            throw new ArgumentException("The log-mel matrix has no frames.", nameof(logMel));
        var energy = logMel.Select(frame => frame.Select(MathF.Exp).ToArray()).ToArray();
        var front = Spectrogram.Options;
        return _grid.Summarise(Pcen.Apply(energy, (double)front.HopSize / front.SampleRate, Options));
    }
}
