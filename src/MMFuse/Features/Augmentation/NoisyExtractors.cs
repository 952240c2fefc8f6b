using System.Globalization;
using MMFuse.Data;
using MMFuse.Features.Audio;
using MMFuse.Features.Extraction;

namespace MMFuse.Features.Augmentation;

/// <summary>
/// Corrupted inputs for robustness curves, at levels 1..4 of growing severity: images get Gaussian pixel noise,
/// audio white noise at falling SNR, text word dropout. Each level is a seeded, cached extractor variant (like an
/// augmentation), so a curve costs one extraction per level and is free the second time.
/// </summary>
public static class NoisyExtractors
{
    /// <summary>Image noise per level: the Gaussian pixel noise's standard deviation as a share of 255.</summary>
    public static readonly IReadOnlyList<double> PixelNoise = [0.05, 0.1, 0.2, 0.4];   // standard deviation, as a share of 255
    /// <summary>Audio noise per level: the signal-to-noise ratio of added white noise, in dB.</summary>
    public static readonly IReadOnlyList<double> SnrDb = [20, 10, 0, -10];
    /// <summary>Text noise per level: the probability that each word is dropped.</summary>
    public static readonly IReadOnlyList<double> WordDropout = [0.2, 0.4, 0.6, 0.8];

    /// <summary>The number of noise levels (level 0, clean, not counted).</summary>
    public static int Levels => PixelNoise.Count;

    /// <summary>What a level means for a modality, for plots ("σ=0.1", "10 dB", "p=0.4").</summary>
    public static string Label(ColumnRole role, int level) => role switch
    {
        ColumnRole.Image => string.Create(CultureInfo.InvariantCulture, $"σ={PixelNoise[level - 1]}"),
        ColumnRole.Audio => string.Create(CultureInfo.InvariantCulture, $"{SnrDb[level - 1]} dB"),
        ColumnRole.Text => string.Create(CultureInfo.InvariantCulture, $"drop {WordDropout[level - 1]}"),
        _ => level.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Wraps a column's extractor so it computes noise level <paramref name="level"/> (1 to
    /// <see cref="Levels"/>) of every row, seeded by <paramref name="seed"/> and cached as its own variant.</summary>
    public static IFeatureExtractor<T> For<T>(ColumnRole role, IFeatureExtractor<T> extractor, int level, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Levels);
        object wrapped = role switch
        {
            ColumnRole.Image when extractor is IFeatureExtractor<RgbImage> image => new AugmentingExtractor<RgbImage>(image,
                (bytes, random) => AddPixelNoise(image.Decode(bytes), PixelNoise[level - 1], random), Tag("image", level), seed, level),
            ColumnRole.Audio when extractor is AudioFeatureExtractor audio => new AugmentingExtractor<float[][]>(audio, (bytes, random) =>
            {
                var clip = AudioDecoder.Decode(bytes).ResampleTo(audio.Spectrogram.Options.SampleRate);
                var samples = (float[])clip.Samples.Clone();
                AudioAugmenter.AddNoise(samples, SnrDb[level - 1], random);
                return audio.Spectrogram.Compute(clip with { Samples = samples });
            }, Tag("audio", level), seed, level),
            ColumnRole.Text when extractor is IFeatureExtractor<string> text => new AugmentingExtractor<string>(text,
                (bytes, random) => DropWords(text.Decode(bytes), WordDropout[level - 1], random), Tag("text", level), seed, level),
            _ => throw new ArgumentException($"no noise for a {role.Name()} column with a {extractor.GetType().Name}"),
        };
        return (IFeatureExtractor<T>)wrapped;
    }

    /// <summary>Word dropout on a raw text (for tf-idf columns, which are fitted per fold rather than extracted).</summary>
    public static string NoisyText(string text, int level, int seed) =>
        DropWords(text, WordDropout[level - 1], AugmentationRandom.For(Caching.FeatureKey.HashText(text), seed, level));

    private static string DropWords(string text, double p, Random random) =>
        new TextAugmenter(new TextAugmentationOptions { WordDropout = p, SwapProbability = 0 }).Augment(text, random);

    private static RgbImage AddPixelNoise(RgbImage image, double sigma, Random random)
    {
        var pixels = new byte[image.Pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)Math.Clamp(Math.Round(image.Pixels[i] + 255 * sigma * AudioAugmenter.Gaussian(random)), 0, 255);
        return image with { Pixels = pixels };
    }

    private static string Tag(string modality, int level) => $"noise{AugmentationRandom.AlgorithmVersion}:{modality}:{level}";
}
