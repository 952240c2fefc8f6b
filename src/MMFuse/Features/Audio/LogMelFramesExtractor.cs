namespace MMFuse.Features.Audio;

/// <summary>
/// The "logmel-frames" audio block: the log-mel spectrogram itself on a fixed grid of <see cref="Frames"/> time steps
/// × 64 bands, for an encoder that learns from the spectrogram (<c>JointOptions.AudioEncoder = Cnn</c>) rather than
/// from summary statistics. Step k is the mean of the frames that overlap the k-th of <see cref="Frames"/> equal
/// stretches of the clip (the segment rule of <see cref="LogMelGridExtractor"/>), so every clip, fast or slow, long or
/// short, maps to the same duration-normalised grid. Layout is frame-major: step 0 bands 0..63, then step 1, ...
/// The raw log-mel values are kept (no normalisation): the encoder normalises each clip itself.
/// </summary>
public sealed class LogMelFramesExtractor : LogMelSummary
{
    /// <summary>The extractor's name, in options, signatures and the feature cache.</summary>
    public const string Id = "logmel-frames";

    /// <summary>Bump whenever any number this extractor produces would change.</summary>
    public const string Version = "1";

    /// <summary>Time steps of the grid: avdigits clips (about 1 s, 100 frames) are pooled about 2.5 to 1.</summary>
    public const int Frames = 40;

    /// <summary>The extractor with the default log-mel front end (16 kHz, 64 bands).</summary>
    public LogMelFramesExtractor() : base(new LogMelSpectrogram())
    {
        Bands = Spectrogram.Options.MelBands;
        FeatureNames = Enumerable.Range(0, Frames)
            .SelectMany(t => Enumerable.Range(0, Bands).Select(b => $"logmel{b:D2}_t{t:D2}")).ToArray();
    }

    /// <summary>Mel bands per time step (64 by default).</summary>
    public int Bands { get; }

    /// <summary><see cref="Frames"/> × <see cref="Bands"/>: 2,560 by default.</summary>
    public override int Dimension => Frames * Bands;

    /// <summary><inheritdoc /></summary>
    public override IReadOnlyList<string> FeatureNames { get; }

    /// <summary><inheritdoc /></summary>
    public override float[] Summarise(float[][] logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        if (logMel.Length == 0)
            throw new ArgumentException("The log-mel matrix has no frames.", nameof(logMel));
        var grid = new float[Dimension];
        LogMelGridExtractor.SegmentMeans(logMel, Frames, grid);
        return grid;
    }
}
