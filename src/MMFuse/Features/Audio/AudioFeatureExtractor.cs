using MMFuse.Features.Extraction;
using MMFuse.Features.Images;

namespace MMFuse.Features.Audio;

/// <summary>
/// Plugs audio into the extraction pipeline. Decoding, resampling and the log-mel spectrogram are the per-item,
/// parallel part; encoding summarises the log-mel matrix (<c>logmel-grid</c>: statistics plus the time course,
/// <c>logmel-stats</c>: statistics only) or, for <c>resnet18-spectrogram</c>, renders it as an image and passes it
/// through the image ResNet18 in batches.
/// </summary>
public sealed class AudioFeatureExtractor : IFeatureExtractor<float[][]>
{
    private readonly LogMelSpectrogram _spectrogram;
    private readonly LogMelSummary? _summary;
    private readonly ResNet18Encoder? _resnet;
    private double _maxSeconds = double.PositiveInfinity;

    private AudioFeatureExtractor(ExtractorSignature signature, LogMelSummary? summary, ResNet18Encoder? resnet)
    {
        Signature = signature;
        _summary = summary;
        // The summary's own front end when there is one, so the spectrogram it was defined on is the one computed.
        _spectrogram = summary?.Spectrogram ?? new LogMelSpectrogram();
        _resnet = resnet;
    }

    /// <summary>The audio extractors by name.</summary>
    public static IReadOnlyList<string> Names { get; } = [LogMelGridExtractor.Id, LogMelStatsExtractor.Id, RobustLogMelExtractor.Id, RobustLogMelExtractor.TrimmedId, LogMelFramesExtractor.Id, PcenLogMelExtractor.Id, "resnet18-spectrogram"];

    /// <summary><inheritdoc /></summary>
    public ExtractorSignature Signature { get; }

    /// <summary>The log-mel front end; augmentation runs it itself so it can change the waveform first.</summary>
    internal LogMelSpectrogram Spectrogram => _spectrogram;

    /// <summary>The extractor named; a decoded clip longer than <paramref name="maxSeconds"/> is refused as undecodable.</summary>
    public static AudioFeatureExtractor Create(string name, double maxSeconds)
    {
        var extractor = Create(name);
        extractor._maxSeconds = maxSeconds;
        return extractor;
    }

    /// <summary>The extractor named <paramref name="name"/> (one of <see cref="Names"/>); an unknown name is an
    /// <see cref="MMFuse.Data.MMFuseInputException"/>.</summary>
    public static AudioFeatureExtractor Create(string name)
    {
        switch (name)
        {
            case LogMelGridExtractor.Id:
                return Summarising(LogMelGridExtractor.Id, LogMelGridExtractor.Version, new LogMelGridExtractor());
            case LogMelStatsExtractor.Id:
                return Summarising(LogMelStatsExtractor.Id, LogMelStatsExtractor.Version, new LogMelStatsExtractor());
            case RobustLogMelExtractor.Id:
            case RobustLogMelExtractor.TrimmedId:
                var robust = new RobustLogMelExtractor(trim: name == RobustLogMelExtractor.TrimmedId);
                return Summarising(name, robust.Settings, robust);
            case PcenLogMelExtractor.Id:
                var pcen = new PcenLogMelExtractor();
                return Summarising(PcenLogMelExtractor.Id, pcen.Settings, pcen);
            case LogMelFramesExtractor.Id:
                return Summarising(LogMelFramesExtractor.Id, LogMelFramesExtractor.Version, new LogMelFramesExtractor());
            case "resnet18-spectrogram":
                // The whole spectrogram is stretched to 224x224: cropping would cut off time or frequency.
                var resnet = new ResNet18Encoder(new ResNet18Options(CenterCrop: false));
                return new(new ExtractorSignature(name, "1;" + resnet.Version, resnet.ModelHash, resnet.Dimension), null, resnet);
            default:
                throw new MMFuse.Data.MMFuseInputException($"ExtractorChoices.Audio: '{name}' is not one of {string.Join(", ", Names)}");
        }
    }

    private static AudioFeatureExtractor Summarising(string id, string version, LogMelSummary summary) =>
        new(new ExtractorSignature(id, version, "", summary.Dimension), summary, null);

    /// <summary><inheritdoc /></summary>
    public float[][] Decode(byte[] content)
    {
        var clip = AudioDecoder.Decode(content);
        // Checked before the spectrogram, whose cost grows with the clip; WAV uploads are refused earlier from their header.
        if (clip.DurationSeconds > _maxSeconds)
            throw new MediaDecodeException(AudioLimit.TooLong(clip.DurationSeconds, _maxSeconds));
        return _spectrogram.Compute(clip);
    }

    /// <summary><inheritdoc /></summary>
    public float[][] Encode(IReadOnlyList<float[][]> inputs) => _summary is not null
        ? inputs.Select(_summary.Summarise).ToArray()
        : _resnet!.Encode(inputs.Select(SpectrogramImage.Render).ToArray());

    /// <summary>Releases the ResNet18 session of <c>resnet18-spectrogram</c>; the log-mel extractors hold
    /// nothing.</summary>
    public void Dispose() => _resnet?.Dispose();
}
