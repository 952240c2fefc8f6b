namespace MMFuse.Features.Audio;

/// <summary>
/// The "logmel-stats" audio feature vector: at 16 kHz, 64 log-mel bands, 20 MFCCs and their 20 deltas
/// (104 coefficients per frame), each summarised over time by mean, standard deviation, min and max.
/// Layout is stat-major: [mean of 104 | std of 104 | min of 104 | max of 104], and within each block
/// log-mel 0..63, MFCC 0..19, delta 0..19 (<see cref="FeatureNames"/> spells it out).
/// The definition is in docs/audio-features.md and is checked against an independent numpy reference.
/// </summary>
public sealed class LogMelStatsExtractor : LogMelSummary
{
    /// <summary>The extractor's name, in options, signatures and the feature cache.</summary>
    public const string Id = "logmel-stats";

    /// <summary>Bump whenever any number this extractor produces would change.</summary>
    public const string Version = "1";

    /// <summary>MFCCs per frame (their deltas add as many again).</summary>
    public const int MfccCount = 20;

    private readonly int _coefficients;

    /// <summary>The extractor with the default log-mel front end (16 kHz, 64 bands).</summary>
    public LogMelStatsExtractor() : this(new LogMelSpectrogram())
    {
    }

    internal LogMelStatsExtractor(LogMelSpectrogram spectrogram) : base(spectrogram)
    {
        _coefficients = spectrogram.Options.MelBands + 2 * MfccCount;
        Dimension = _coefficients * TrackStatistics.StatCount;
        FeatureNames = BuildNames(spectrogram.Options.MelBands);
    }

    /// <summary>416 with the default options.</summary>
    public override int Dimension { get; }

    /// <summary><inheritdoc /></summary>
    public override IReadOnlyList<string> FeatureNames { get; }

    /// <summary><inheritdoc /></summary>
    public override float[] Summarise(float[][] logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        if (logMel.Length == 0)
            throw new ArgumentException("The log-mel matrix has no frames.", nameof(logMel));
        var bands = Spectrogram.Options.MelBands;
        var vector = new float[Dimension];
        TrackStatistics.Summarise(logMel, vector, _coefficients, 0);
        TrackStatistics.Summarise(CepstralFeatures.MfccWithDeltas(logMel, MfccCount), vector, _coefficients, bands);
        return vector;
    }

    private static string[] BuildNames(int bands)
    {
        var coefficientNames = Enumerable.Range(0, bands).Select(b => $"logmel{b:D2}")
            .Concat(Enumerable.Range(0, MfccCount).Select(c => $"mfcc{c:D2}"))
            .Concat(Enumerable.Range(0, MfccCount).Select(c => $"dmfcc{c:D2}"))
            .ToArray();
        return [.. TrackStatistics.StatNames.SelectMany(stat => coefficientNames.Select(name => $"{name}_{stat}"))];
    }
}
