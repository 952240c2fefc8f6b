using MMFuse.Features.Audio;
using NWaves.FeatureExtractors;
using NWaves.FeatureExtractors.Options;
using NWaves.Windows;

namespace MMFuse.Tests.Features.Audio;

public sealed class LogMelStatsTests
{
    private static readonly LogMelStatsExtractor Extractor = new();

    [Fact]
    public void Identity_and_layout()
    {
        Assert.Equal("logmel-stats", LogMelStatsExtractor.Id);
        Assert.Equal(416, Extractor.Dimension);
        Assert.Equal(416, Extractor.FeatureNames.Count);
        Assert.Equal(416, Extractor.FeatureNames.Distinct().Count());
        Assert.Equal("logmel00_mean", Extractor.FeatureNames[0]);
        Assert.Equal("mfcc00_mean", Extractor.FeatureNames[64]);
        Assert.Equal("dmfcc19_mean", Extractor.FeatureNames[103]);
        Assert.Equal("logmel00_std", Extractor.FeatureNames[104]);
        Assert.Equal("dmfcc19_max", Extractor.FeatureNames[415]);
    }

    [Fact]
    public void Tone_energy_lands_in_the_band_containing_its_frequency()
    {
        var clip = new AudioClip(AudioTestFiles.Sine(1000, 16000, 16000), 16000);
        var spectrogram = new LogMelSpectrogram();
        var logMel = spectrogram.Compute(clip);

        Assert.Equal(1 + (16000 - 400) / 160, logMel.Length);
        var loudest = Enumerable.Range(0, 64).MaxBy(b => logMel[50][b]);
        // The filter with the largest weight on the 1 kHz bin (bin 32 at 31.25 Hz spacing).
        var expected = Enumerable.Range(0, 64).MaxBy(b => spectrogram.FilterBank[b][32]);
        Assert.Equal(expected, loudest);
    }

    [Fact]
    public void Clips_at_other_rates_are_resampled_first()
    {
        var at16k = Extractor.Extract(new AudioClip(AudioTestFiles.Sine(500, 16000, 8000), 16000));
        var at8k = Extractor.Extract(new AudioClip(AudioTestFiles.Sine(500, 8000, 4000), 8000));

        // Same tone, same duration: the loud-band means agree (bands above 4 kHz are empty at 8 kHz, so not all).
        var band = Enumerable.Range(0, 64).MaxBy(b => at16k[b]);
        Assert.Equal(at16k[band], at8k[band], 0.05);
    }

    [Fact]
    public void Clip_shorter_than_a_frame_is_padded_to_one_frame()
    {
        var clip = new AudioClip(AudioTestFiles.Sine(440, 16000, 100), 16000);

        Assert.Single(new LogMelSpectrogram().Compute(clip));
        var vector = Extractor.Extract(clip);
        Assert.All(vector, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(0f, vector[104]); // one frame: std is zero...
        Assert.Equal(vector[0], vector[2 * 104]); // ...and mean == min == max
        Assert.NotEqual(MathF.Log(1e-10f), vector[0], 1e-3f); // not the silence floor: the 100 samples count
    }

    [Fact]
    public void Silence_gives_the_log_floor_not_minus_infinity()
    {
        var logMel = new LogMelSpectrogram().Compute(new AudioClip(new float[4000], 16000));
        Assert.All(logMel.SelectMany(f => f), v => Assert.Equal(Math.Log(1e-10), v, 1e-4));
    }

    [Fact]
    public void Deltas_follow_the_N2_regression_with_repeated_edges()
    {
        // Log-mel rising by 1 per frame in every band: MFCC0 = sqrt(64) * t = 8t, all others 0.
        var logMel = Enumerable.Range(0, 10).Select(t => Enumerable.Repeat((float)t, 64).ToArray()).ToArray();
        var track = CepstralFeatures.MfccWithDeltas(logMel, 20);

        Assert.Equal(8f * 5, track[5][0], 1e-4f);
        Assert.Equal(8f, track[5][20], 1e-4f); // interior slope
        Assert.Equal(4f, track[0][20], 1e-4f); // c(-2) = c(-1) = c(0) = 0: (1*(8-0) + 2*(16-0)) / 10
        Assert.Equal(6.4f, track[1][20], 1e-4f); // c(-1) = c(0) = 0: (1*(16-0) + 2*(24-0)) / 10
        Assert.All(track[5][1..20], v => Assert.Equal(0f, v, 1e-4f));
    }

    [Fact]
    public void Mfcc_equals_NWaves_MfccExtractor_with_the_documented_options()
    {
        var spectrogram = new LogMelSpectrogram();
        var clip = AudioDecoder.Decode(AudioTestFiles.Fixture("avdigits-0394-16k.wav"));
        var ours = CepstralFeatures.MfccWithDeltas(spectrogram.Compute(clip), 20);
        var nwaves = new MfccExtractor(new MfccOptions
        {
            SamplingRate = 16000,
            FeatureCount = 20,
            FrameDuration = 0.025,
            HopDuration = 0.010,
            FilterBank = spectrogram.FilterBank,
            Window = WindowType.Hann,
            SpectrumType = SpectrumType.Power,
            NonLinearity = NonLinearityType.LogE,
            LogFloor = 1e-10f,
            DctType = "2N",
            LifterSize = 0,
        }).ComputeFrom(clip.Samples);

        Assert.Equal(nwaves.Count, ours.Length);
        for (var t = 0; t < ours.Length; t++)
        {
            for (var c = 0; c < 20; c++)
                Assert.Equal(nwaves[t][c], ours[t][c], 1e-3f);
        }
    }

    [Fact]
    public void Same_input_gives_identical_output()
    {
        var bytes = AudioTestFiles.Fixture("avdigits-0394.wav");
        Assert.Equal(Extractor.Extract(bytes), new LogMelStatsExtractor().Extract(bytes));
    }
}
