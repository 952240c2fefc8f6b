using System.Collections.Concurrent;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features;
using MMFuse.Features.Audio;
using MMFuse.Features.Augmentation;
using MMFuse.Features.Caching;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;
using MMFuse.Tests.Evaluation.Analysis;
using MMFuse.Tests.Features.Audio;

namespace MMFuse.Tests.Evaluation;

public sealed class TestNoiseTests
{
    [Theory]
    [InlineData("pink:0", NoiseColour.Pink, 0.0)]
    [InlineData("brown:-5", NoiseColour.Brown, -5.0)]
    [InlineData("white: 12.5", NoiseColour.White, 12.5)]
    public void The_setting_parses(string text, NoiseColour colour, double snr) =>
        Assert.Equal(new TestNoise(colour, snr, 7), TestNoise.Parse(text, 7));

    [Theory]
    [InlineData("pink")]
    [InlineData("pink:loud")]
    [InlineData("blue:0")]
    [InlineData("pink:0:1")]
    public void A_malformed_setting_is_refused(string text) => Assert.Throws<FormatException>(() => TestNoise.Parse(text, 1));

    [Fact]
    public void Test_features_replace_only_the_test_part_and_training_never_sees_them()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 60);
        // "Noisy" test-time features: every value shifted, so any use of them in training would show.
        var shifted = features with
        {
            Pretrained = features.Pretrained.Select(b => b with { Rows = b.Rows.Select(r => r.Select(v => v + 100f).ToArray()).ToArray() }).ToList(),
        };
        var plain = new Recording(new EarlyFusionStrategy("logreg"));
        var noisy = new Recording(new EarlyFusionStrategy("logreg"));
        var a = CrossValidator.Run(features, targets, TaskKind.Multiclass, 3, folds, plain, NormalizeMode.ZScore, 7, 2);
        var b = CrossValidator.Run(features, targets, TaskKind.Multiclass, 3, folds, noisy, NormalizeMode.ZScore, 7, 2, testFeatures: shifted);

        Assert.Equal(plain.Trained.Count, noisy.Trained.Count);
        foreach (var (key, rows) in plain.Trained)
            Assert.Equal(rows, noisy.Trained[key]);
        Assert.NotEqual(a.FoldPredictions.SelectMany(p => p).SelectMany(r => r), b.FoldPredictions.SelectMany(p => p).SelectMany(r => r));
    }

    [Fact]
    public void Noisy_audio_features_are_seeded_by_content_and_cached_apart_from_the_clean_ones()
    {
        var wav = AudioTestFiles.Pcm16Wav(16000, [AudioTestFiles.Sine(440, 16000, 8000)]);
        using var extractor = AudioFeatureExtractor.Create(RobustLogMelExtractor.Id);
        var pink = TestNoiseExtractors.For(extractor, new TestNoise(NoiseColour.Pink, 0, 3));
        var again = TestNoiseExtractors.For(extractor, new TestNoise(NoiseColour.Pink, 0, 3));
        var otherSeed = TestNoiseExtractors.For(extractor, new TestNoise(NoiseColour.Pink, 0, 4));
        var brown = TestNoiseExtractors.For(extractor, new TestNoise(NoiseColour.Brown, 0, 3));

        Assert.Equal(pink.Decode(wav), again.Decode(wav));
        Assert.NotEqual(pink.Decode(wav)[10], otherSeed.Decode(wav)[10]);
        Assert.NotEqual(pink.Decode(wav)[10], extractor.Decode(wav)[10]);
        var signatures = new[] { extractor.Signature, pink.Signature, otherSeed.Signature, brown.Signature }.Select(s => s.Version).ToList();
        Assert.Equal(signatures.Count, signatures.Distinct().Count());
        Assert.Equal(extractor.Signature.Dimension, pink.Signature.Dimension);
    }

    /// <summary>Records each fold's training rows (first block), the fold identified by its targets and first column:
    /// a key from the first value alone could collide between folds, and then which fold won depended on scheduling.</summary>
    private sealed class Recording(IFusionStrategy inner) : IFusionStrategy
    {
        public ConcurrentDictionary<string, float[][]> Trained { get; } = new();
        public string Name => inner.Name;
        public string Fusion => inner.Fusion;

        public IFusionModel Fit(FusionTrainingSet train)
        {
            Trained[string.Join(",", train.Targets) + "|" + string.Join(",", train.Blocks[0].Rows.Select(r => BitConverter.SingleToInt32Bits(r[0])))] = train.Blocks[0].Rows;
            return inner.Fit(train);
        }
    }
}
