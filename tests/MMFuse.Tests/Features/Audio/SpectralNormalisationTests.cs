using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features;
using MMFuse.Features.Audio;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;

namespace MMFuse.Tests.Features.Audio;

public sealed class SpectralNormalisationTests
{
    private const int Rate = 16000;

    [Fact]
    public void Every_band_has_zero_mean_and_unit_spread_and_a_constant_band_becomes_zero()
    {
        var random = new Random(1);
        var mel = Enumerable.Range(0, 50).Select(_ => new[] { (float)random.NextDouble() * 5 - 3, 7f }).ToArray();
        var z = SpectralNormalisation.MeanVariance(mel);
        Assert.Equal(0, z.Average(f => (double)f[0]), 5);
        Assert.Equal(1, Math.Sqrt(z.Average(f => (double)f[0] * f[0])), 4);
        Assert.All(z, f => Assert.Equal(0f, f[1]));
        Assert.Equal(7f, mel[0][1]); // the input is left alone
    }

    [Fact]
    public void A_gain_or_a_fixed_channel_colouring_leaves_the_normalised_features_unchanged()
    {
        var random = new Random(4);
        var mel = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, 8).Select(_ => (float)random.NextDouble() * 4 - 10).ToArray()).ToArray();
        // A channel multiplies each band's power by its own constant: in the log domain, a constant per band.
        var coloured = mel.Select(f => f.Select((v, b) => v + 2.5f - 0.4f * b).ToArray()).ToArray();
        var a = SpectralNormalisation.MeanVariance(mel);
        var b = SpectralNormalisation.MeanVariance(coloured);
        for (var t = 0; t < a.Length; t++)
            for (var k = 0; k < 8; k++)
                Assert.Equal(a[t][k], b[t][k], 3);
    }

    /// <summary>
    /// Synthetic shift: the class is the pitch pattern (rising or falling), the "speakers" at test time record through
    /// another channel (a gain and a strong tilt across the spectrum). The raw log-mel grid learns the training channel's
    /// level along with the pattern and fails on the new one; the per-clip normalised grid carries over.
    /// </summary>
    [Fact]
    public void Per_clip_normalisation_wins_under_a_channel_shift_where_raw_log_mel_fails()
    {
        var trainClips = Clips(40, seed: 1, channel: 0);
        var testClips = Clips(40, seed: 2, channel: 1);
        var raw = Accuracy(new LogMelGridExtractor(), trainClips, testClips);
        var cmvn = Accuracy(new RobustLogMelExtractor(), trainClips, testClips);
        Assert.True(cmvn >= 0.9, $"normalised: {cmvn:F3}");
        Assert.True(raw <= 0.7, $"raw: {raw:F3}");
    }

    private static List<(AudioClip Clip, int Label)> Clips(int count, int seed, int channel)
    {
        var random = new Random(seed);
        var clips = new List<(AudioClip, int)>();
        for (var i = 0; i < count; i++)
        {
            var label = i % 2;
            // Two notes: low then high (class 1) or high then low (class 0), each note's pitch jittered.
            var low = 300 * (1 + 0.1 * random.NextDouble());
            var high = 1200 * (1 + 0.1 * random.NextDouble());
            var first = AudioTestFiles.Sine(label == 1 ? low : high, Rate, 4000);
            var second = AudioTestFiles.Sine(label == 1 ? high : low, Rate, 4000);
            var x = first.Concat(second).ToArray();
            // Training channel: the low note 26 dB above the high one; test channel: the other way round
            // (a thin, bright microphone), with a little noise in both.
            var lowGain = channel == 0 ? 1.0 : 0.05;
            var highGain = channel == 0 ? 0.05 : 1.0;
            for (var t = 0; t < x.Length; t++)
            {
                var inFirst = t < 4000;
                var isLow = (label == 1) == inFirst;
                x[t] = (float)(x[t] * (isLow ? lowGain : highGain) + 1e-3 * (random.NextDouble() - 0.5));
            }
            clips.Add((new AudioClip(x, Rate), label));
        }
        return clips;
    }

    private static double Accuracy(LogMelSummary extractor, List<(AudioClip Clip, int Label)> train, List<(AudioClip Clip, int Label)> test)
    {
        var all = train.Concat(test).ToList();
        var rows = all.Select(c => extractor.Extract(c.Clip)).ToArray();
        var block = new FeatureBlock("audio", "test", extractor.Dimension, rows, Enumerable.Repeat(true, rows.Length).ToArray());
        var features = new FeatureSet(rows.Length, [block], [], []);
        var targets = all.Select(c => (float)c.Label).ToArray();
        var fold = new Fold(0, 0, Enumerable.Range(0, train.Count).ToArray(), Enumerable.Range(train.Count, test.Count).ToArray());
        var result = CrossValidator.Run(features, targets, TaskKind.Binary, 2, [fold], new EarlyFusionStrategy("logreg"), NormalizeMode.ZScore, 3);
        return result.Metrics["accuracy"].Mean;
    }
}
