using MMFuse.Data;
using MMFuse.Features.Augmentation;

namespace MMFuse.Features.Extraction;

/// <summary>A seeded, cached variant of every row's features: an augmentation or a level of noise.</summary>
internal abstract record ExtractorVariant(string Label)
{
    public abstract IFeatureExtractor<T> Wrap<T>(ColumnRole role, IFeatureExtractor<T> extractor);
}

/// <summary>Augmented variant v of every row (training rows of a fold use them).</summary>
internal sealed record AugmentationVariant(AugmentationOptions Options, int Seed, int Variant) : ExtractorVariant($"variant {Variant + 1}")
{
    public override IFeatureExtractor<T> Wrap<T>(ColumnRole role, IFeatureExtractor<T> extractor) =>
        AugmentedExtractors.For(role, extractor, Options, Seed, Variant);
}

/// <summary>Every row's audio with coloured noise added (the test part of each fold uses it under <see cref="Evaluation.TestNoise"/>).</summary>
internal sealed record TestNoiseVariant(Evaluation.TestNoise Noise) : ExtractorVariant(Noise.Describe())
{
    public override IFeatureExtractor<T> Wrap<T>(ColumnRole role, IFeatureExtractor<T> extractor) => role == ColumnRole.Audio && extractor is Audio.AudioFeatureExtractor audio
        ? (IFeatureExtractor<T>)TestNoiseExtractors.For(audio, Noise)
        : throw new ArgumentException($"test noise applies to audio columns, not to a {role.Name()} column");
}

/// <summary>Noise level 1..4 of every row (robustness curves).</summary>
internal sealed record NoiseVariant(int Level, int Seed) : ExtractorVariant($"noise {Level}")
{
    public override IFeatureExtractor<T> Wrap<T>(ColumnRole role, IFeatureExtractor<T> extractor) =>
        NoisyExtractors.For(role, extractor, Level, Seed);
}
