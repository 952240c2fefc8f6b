using MMFuse.Features.Extraction;
using MMFuse.Features.Images;

namespace MMFuse.Features.Audio;

/// <summary>
/// Plugs audio into the extraction pipeline. Decoding, resampling and the log-mel spectrogram are the per-item,
/// parallel part; encoding is the summary statistics (<c>logmel-stats</c>) or, for <c>resnet18-spectrogram</c>,
/// the spectrogram rendered as an image and passed through the image ResNet18 in batches.
/// </summary>
public sealed class AudioFeatureExtractor : IFeatureExtractor<float[][]>
{
    private readonly LogMelSpectrogram _spectrogram = new();
    private readonly LogMelStatsExtractor? _stats;
    private readonly ResNet18Encoder? _resnet;

    private AudioFeatureExtractor(LogMelStatsExtractor? stats, ResNet18Encoder? resnet)
    {
        _stats = stats;
        _resnet = resnet;
        Signature = stats is not null
            ? new ExtractorSignature(LogMelStatsExtractor.Id, LogMelStatsExtractor.Version, "", stats.Dimension)
            : new ExtractorSignature("resnet18-spectrogram", "1;" + resnet!.Version, resnet.ModelHash, resnet.Dimension);
    }

    public ExtractorSignature Signature { get; }

    /// <summary>The log-mel front end; augmentation runs it itself so it can change the waveform first.</summary>
    internal LogMelSpectrogram Spectrogram => _spectrogram;

    public static AudioFeatureExtractor Create(string name) => name switch
    {
        "logmel-stats" => new AudioFeatureExtractor(new LogMelStatsExtractor(), null),
        // The whole spectrogram is stretched to 224x224: cropping would cut off time or frequency.
        "resnet18-spectrogram" => new AudioFeatureExtractor(null, new ResNet18Encoder(new ResNet18Options(CenterCrop: false))),
        _ => throw new MMFuse.Data.MMFuseInputException($"--audio-features: '{name}' is not one of logmel-stats, resnet18-spectrogram"),
    };

    public float[][] Decode(byte[] content) => _spectrogram.Compute(AudioDecoder.Decode(content));

    public float[][] Encode(IReadOnlyList<float[][]> inputs) => _stats is not null
        ? inputs.Select(_stats.Summarise).ToArray()
        : _resnet!.Encode(inputs.Select(SpectrogramImage.Render).ToArray());

    public void Dispose() => _resnet?.Dispose();
}
