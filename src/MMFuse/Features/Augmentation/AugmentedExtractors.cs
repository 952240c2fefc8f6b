using MMFuse.Data;
using MMFuse.Features.Audio;
using MMFuse.Features.Extraction;

namespace MMFuse.Features.Augmentation;

/// <summary>
/// Entry point: wraps a column's extractor so that <see cref="FeaturePipeline.Run{T}"/> computes variant
/// <c>variant</c> (0, 1, 2, ...) of every row under base seed <c>seed</c>. A variant depends only on the row's
/// content, the options, the seed and the variant index, never on thread count or row order. The returned
/// extractor does not own (or dispose) the one it wraps. See docs/augmentation.md.
/// </summary>
public static class AugmentedExtractors
{
    /// <summary>Dispatches on the column role: image needs an <see cref="RgbImage"/> extractor, audio an
    /// <see cref="AudioFeatureExtractor"/>, text a string extractor.</summary>
    public static IFeatureExtractor<T> For<T>(ColumnRole role, IFeatureExtractor<T> extractor, AugmentationOptions options, int seed, int variant)
    {
        ArgumentNullException.ThrowIfNull(options);
        object wrapped = role switch
        {
            ColumnRole.Image when extractor is IFeatureExtractor<RgbImage> image => ForImages(image, options.Image, seed, variant),
            ColumnRole.Audio when extractor is AudioFeatureExtractor audio => ForAudio(audio, options.Audio, seed, variant),
            ColumnRole.Text when extractor is IFeatureExtractor<string> text => ForText(text, options.Text, seed, variant),
            _ => throw new ArgumentException($"No augmentation for a {role.Name()} column with a {extractor.GetType().Name}."),
        };
        return (IFeatureExtractor<T>)wrapped;
    }

    /// <summary>Random resized crop, flip, rotation and colour jitter on the decoded image, then the wrapped
    /// extractor's encoder.</summary>
    public static IFeatureExtractor<RgbImage> ForImages(IFeatureExtractor<RgbImage> extractor, ImageAugmentationOptions options, int seed, int variant)
    {
        var augmenter = new ImageAugmenter(options);
        return new AugmentingExtractor<RgbImage>(extractor, (bytes, random) => augmenter.Augment(extractor.Decode(bytes), random),
            Tag("image", options), seed, variant);
    }

    /// <summary>
    /// Decode, resample to the spectrogram's rate (so the noise is white over the band the features see),
    /// augment the waveform, compute the log-mel matrix, then mask it.
    /// </summary>
    public static IFeatureExtractor<float[][]> ForAudio(AudioFeatureExtractor extractor, AudioAugmentationOptions options, int seed, int variant)
    {
        var augmenter = new AudioAugmenter(options);
        var spectrogram = extractor.Spectrogram;
        return new AugmentingExtractor<float[][]>(extractor, (bytes, random) =>
        {
            var clip = AudioDecoder.Decode(bytes).ResampleTo(spectrogram.Options.SampleRate);
            var mel = spectrogram.Compute(augmenter.AugmentWaveform(clip, random));
            return augmenter.MaskSpectrogram(mel, random);
        }, Tag("audio", options), seed, variant);
    }

    /// <summary>The wrapped extractor's own checks (valid UTF-8, not blank) run before augmenting.</summary>
    public static IFeatureExtractor<string> ForText(IFeatureExtractor<string> extractor, TextAugmentationOptions options, int seed, int variant)
    {
        var augmenter = new TextAugmenter(options);
        return new AugmentingExtractor<string>(extractor, (bytes, random) => augmenter.Augment(extractor.Decode(bytes), random),
            Tag("text", options), seed, variant);
    }

    private static string Tag<TOptions>(string modality, TOptions options) =>
        $"aug{AugmentationRandom.AlgorithmVersion}:{modality}:{AugmentationRandom.Fingerprint(options)}";
}
