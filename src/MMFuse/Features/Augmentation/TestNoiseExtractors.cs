using System.Globalization;
using MMFuse.Evaluation;
using MMFuse.Features.Audio;
using MMFuse.Features.Extraction;

namespace MMFuse.Features.Augmentation;

/// <summary>
/// Audio features of clips with coloured noise added (<see cref="TestNoise"/>): a seeded extractor variant like an
/// augmentation, cached under its own key (colour, SNR, seed and the noise algorithm's version in the signature), so
/// the noisy features are computed once per setting. Used for test rows only.
/// </summary>
public static class TestNoiseExtractors
{
    /// <summary>Bump whenever the noise for the same clip, colour, SNR and seed would change.</summary>
    public const string Version = "1";

    /// <summary>Decode, resample to the spectrogram's rate (the noise's colour is defined over the band the features
    /// see), add the noise at the exact SNR, compute the log-mel matrix.</summary>
    public static IFeatureExtractor<float[][]> For(AudioFeatureExtractor extractor, TestNoise noise)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(noise);
        var spectrogram = extractor.Spectrogram;
        var tag = string.Create(CultureInfo.InvariantCulture, $"testnoise{Version}:{noise.Colour}:{noise.SnrDb:R}");
        return new AugmentingExtractor<float[][]>(extractor, (bytes, random) =>
        {
            var clip = AudioDecoder.Decode(bytes).ResampleTo(spectrogram.Options.SampleRate);
            var samples = (float[])clip.Samples.Clone();
            ColouredNoise.Add(samples, noise.Colour, noise.SnrDb, random);
            return spectrogram.Compute(clip with { Samples = samples });
        }, tag, noise.Seed, variant: 0);
    }
}
