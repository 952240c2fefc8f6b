using MMFuse.Features.Audio;

namespace MMFuse.Tests.Features.Audio;

public sealed class SpectrogramImageTests
{
    [Fact]
    public void Low_bands_are_at_the_bottom_and_values_span_0_to_255()
    {
        // 10 frames × 64 bands; value = band index, so brightness must grow from bottom to top.
        var logMel = Enumerable.Range(0, 10).Select(_ => Enumerable.Range(0, 64).Select(b => (float)b).ToArray()).ToArray();
        var image = SpectrogramImage.Render(logMel);

        Assert.Equal(224, image.Width);
        Assert.Equal(224, image.Height);
        Assert.Equal(224 * 224 * 3, image.Pixels.Length);
        Assert.Equal(0, image[0, 223, 0]); // bottom row: band 0 = minimum
        Assert.Equal(255, image[0, 0, 0]); // top row: band 63 = maximum
        Assert.Equal(image[5, 100, 0], image[200, 100, 0]); // constant over time
        for (var y = 1; y < 224; y++)
            Assert.True(image[0, y, 0] <= image[0, y - 1, 0]);
    }

    [Fact]
    public void Time_runs_left_to_right_and_channels_are_equal()
    {
        var logMel = Enumerable.Range(0, 300).Select(t => Enumerable.Repeat((float)t, 64).ToArray()).ToArray();
        var image = SpectrogramImage.Render(logMel);

        Assert.Equal(0, image[0, 50, 0]);
        Assert.True(image[223, 50, 0] >= 254);
        for (var x = 1; x < 224; x++)
            Assert.True(image[x, 50, 0] >= image[x - 1, 50, 0]);
        for (var i = 0; i < image.Pixels.Length; i += 3)
        {
            Assert.Equal(image.Pixels[i], image.Pixels[i + 1]);
            Assert.Equal(image.Pixels[i], image.Pixels[i + 2]);
        }
    }

    [Fact]
    public void Constant_spectrogram_renders_black_not_NaN()
    {
        var image = SpectrogramImage.Render([Enumerable.Repeat(-23f, 64).ToArray()]);
        Assert.All(image.Pixels, p => Assert.Equal(0, p));
    }

    [Fact]
    public void Real_clip_renders()
    {
        var logMel = new LogMelSpectrogram().Compute(AudioDecoder.DecodeForFeatures(AudioTestFiles.Fixture("avdigits-0394.wav")));
        var image = SpectrogramImage.Render(logMel);
        Assert.Equal(0, image.Pixels.Min());
        Assert.Equal(255, image.Pixels.Max());
    }
}
