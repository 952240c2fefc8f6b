using System.Text.Json;
using MMFuse.Features.Audio;

namespace MMFuse.Tests.Features.Audio;

/// <summary>
/// Compares the NWaves-based features with tools/reference/audio_features.py (numpy/scipy in float64, written
/// from docs/audio-features.md), run on the committed 16 kHz clip. Its output is committed beside the clip
/// because CI has no Python. NWaves works in float32, which sets the tolerances below.
/// </summary>
public sealed class LogMelReferenceTests
{
    private sealed record Reference(int Samples, int Frames, double[][] Logmel, double[][] Mfcc, double[] Vector, double[] Grid);

    private static readonly Reference Expected = JsonSerializer.Deserialize<Reference>(
        File.ReadAllText(TestPaths.Fixture("audio", "avdigits-0394-16k.reference.json")),
        new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    private static readonly AudioClip Clip = AudioDecoder.Decode(AudioTestFiles.Fixture("avdigits-0394-16k.wav"));

    [Fact]
    public void Frame_count_matches()
    {
        Assert.Equal(Expected.Samples, Clip.Samples.Length);
        Assert.Equal(Expected.Frames, new LogMelSpectrogram().Compute(Clip).Length);
    }

    [Fact]
    public void Log_mel_matches_within_float32_rounding()
    {
        var logMel = new LogMelSpectrogram().Compute(Clip);

        for (var t = 0; t < Expected.Frames; t++)
        {
            var peak = Expected.Logmel[t].Max();
            for (var b = 0; b < 64; b++)
            {
                // A float32 FFT's error is about 2^-24 of the frame's peak power, so a band e^d times weaker than
                // the peak carries a relative (= ln) error of about 2^-24 e^d: 1e-5 for loud bands, up to ~1e-2 for
                // bands 90-100 dB down (measured max 0.013). The fixed 2e-5 covers rounding of the band sums.
                var below = peak - Expected.Logmel[t][b];
                var tolerance = Math.Min(2e-5 + Math.Pow(2, -24) * Math.Exp(below), 0.05);
                var diff = Math.Abs(logMel[t][b] - Expected.Logmel[t][b]);
                Assert.True(diff <= tolerance, $"frame {t} band {b}: {logMel[t][b]} vs {Expected.Logmel[t][b]} ({below:F1} below peak)");
            }
        }
    }

    [Fact]
    public void Mfcc_definition_matches_scipy_dct()
    {
        // Feed the reference's own log-mel so that only the DCT and coefficient selection are compared.
        var logMel = Expected.Logmel.Select(row => row.Select(v => (float)v).ToArray()).ToArray();
        var mfcc = CepstralFeatures.MfccWithDeltas(logMel, 20);

        for (var t = 0; t < Expected.Frames; t++)
        {
            Assert.Equal(40, mfcc[t].Length);
            for (var c = 0; c < 20; c++)
                Assert.Equal(Expected.Mfcc[t][c], mfcc[t][c], 2e-4); // float32 sums of 64 terms of size ~20
        }
    }

    [Fact]
    public void Stats_vector_matches()
    {
        var vector = new LogMelStatsExtractor().Extract(Clip);

        Assert.Equal(Expected.Vector.Length, vector.Length);
        for (var i = 0; i < vector.Length; i++)
        {
            // Loud parts agree to ~1e-5; the 1e-2 budget is the float32 error of bands 80-100 dB below the
            // frame peak (see above), which reaches min/max of those bands and every MFCC through the DCT
            // (measured max 3.4e-3).
            Assert.True(Math.Abs(vector[i] - Expected.Vector[i]) <= 1e-2,
                $"{new LogMelStatsExtractor().FeatureNames[i]}: {vector[i]} vs {Expected.Vector[i]}");
        }
    }

    [Fact]
    public void Grid_vector_matches()
    {
        // From the reference's own log-mel, so that only the summary (statistics and segment means) is compared.
        var logMel = Expected.Logmel.Select(row => row.Select(v => (float)v).ToArray()).ToArray();
        var vector = new LogMelGridExtractor().Summarise(logMel);

        Assert.Equal(Expected.Grid.Length, vector.Length);
        for (var i = 0; i < vector.Length; i++)
            Assert.True(Math.Abs(vector[i] - Expected.Grid[i]) <= 1e-3, // float32 sums of values of size ~20
                $"{new LogMelGridExtractor().FeatureNames[i]}: {vector[i]} vs {Expected.Grid[i]}");
    }
}
