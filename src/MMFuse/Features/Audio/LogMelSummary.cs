namespace MMFuse.Features.Audio;

/// <summary>
/// An audio feature vector that summarises the log-mel spectrogram (<see cref="LogMelStatsExtractor"/>,
/// <see cref="LogMelGridExtractor"/>): decoding, resampling and the spectrogram are shared, the summary differs.
/// </summary>
public abstract class LogMelSummary
{
    private protected LogMelSummary(LogMelSpectrogram spectrogram) => Spectrogram = spectrogram;

    /// <summary>The log-mel front end the summary is defined on.</summary>
    public LogMelSpectrogram Spectrogram { get; }

    /// <summary>The length of the feature vector.</summary>
    public abstract int Dimension { get; }

    /// <summary>One name per vector position, in order (e.g. <c>logmel03_mean</c>), for exports and reports.</summary>
    public abstract IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Decodes a file (any supported format), resamples to 16 kHz and extracts the vector.</summary>
    public float[] Extract(byte[] fileBytes) => Extract(AudioDecoder.Decode(fileBytes));

    /// <summary>Extracts the vector from a clip at any rate (resampled to 16 kHz first).</summary>
    public float[] Extract(AudioClip clip) => Summarise(Spectrogram.Compute(clip));

    /// <summary>The vector from an already computed log-mel matrix (e.g. an augmented one).</summary>
    public abstract float[] Summarise(float[][] logMel);
}
