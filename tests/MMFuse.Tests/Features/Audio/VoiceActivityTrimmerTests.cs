using MMFuse.Features.Audio;

namespace MMFuse.Tests.Features.Audio;

public sealed class VoiceActivityTrimmerTests
{
    private const int Rate = 16000;

    /// <summary>Quiet noise, then a tone, then quiet noise again: samples of each part.</summary>
    private static float[] Padded(int before, int tone, int after, double noise = 1e-3)
    {
        var random = new Random(2);
        var x = new float[before + tone + after];
        var sine = AudioTestFiles.Sine(500, Rate, tone);
        for (var i = 0; i < x.Length; i++)
            x[i] = (float)(noise * (random.NextDouble() - 0.5)) + (i >= before && i < before + tone ? sine[i - before] : 0);
        return x;
    }

    [Fact]
    public void Known_leading_and_trailing_silence_is_cut_and_the_sound_kept()
    {
        var mel = new LogMelSpectrogram().Compute(new AudioClip(Padded(8000, 4800, 12000), Rate));
        var trimmer = new VoiceActivityTrimmer();
        var (start, end) = trimmer.ActiveRange(mel);
        // The tone covers frames ≈ 50..80 (hop 10 ms); margins of 5 frames either side, plus a frame of window overlap.
        Assert.InRange(start, 42, 50);
        Assert.InRange(end, 80, 88);
        Assert.Equal(end - start, trimmer.Trim(mel).Length);
    }

    [Fact]
    public void A_clip_without_anything_standing_out_is_kept_whole()
    {
        var random = new Random(9);
        var noise = Enumerable.Range(0, 16000).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var mel = new LogMelSpectrogram().Compute(new AudioClip(noise, Rate));
        Assert.Equal((0, mel.Length), new VoiceActivityTrimmer().ActiveRange(mel));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(15)]
    [InlineData(200)]
    public void Trimming_never_leaves_nothing(int frames)
    {
        // A single loud frame among silent ones, and all-silent matrices: never empty, at least MinFrames when there are that many.
        var mel = Enumerable.Range(0, frames).Select(t => Enumerable.Repeat(t == frames / 2 ? 0f : -23f, 64).ToArray()).ToArray();
        var silent = Enumerable.Range(0, frames).Select(_ => Enumerable.Repeat(-23f, 64).ToArray()).ToArray();
        var trimmer = new VoiceActivityTrimmer();
        foreach (var m in new[] { mel, silent })
        {
            var kept = trimmer.Trim(m);
            Assert.Equal(Math.Min(frames, trimmer.Options.MinFrames), Math.Min(kept.Length, trimmer.Options.MinFrames));
            Assert.NotEmpty(kept);
        }
        var (start, end) = trimmer.ActiveRange(mel);
        Assert.InRange(frames / 2, start, end - 1);
    }
}
