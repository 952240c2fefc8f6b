using MMFuse.Features.Images;

namespace MMFuse.Tests.Features.Images;

public sealed class SmallFeaturizerTests
{
    [Fact]
    public void PixelsIsLumaInUnitRange()
    {
        var featurizer = new PixelsFeaturizer(new PixelsOptions(Size: 2));
        Assert.Equal(("pixels", "1;size=2", 4), (featurizer.Id, featurizer.Version, featurizer.Dimension));
        var image = ImageFixtures.FromColors(2, 2, (x, y) => (x, y) switch
        {
            (0, 0) => ((byte)255, (byte)0, (byte)0),
            (1, 0) => ((byte)0, (byte)255, (byte)0),
            (0, 1) => ((byte)0, (byte)0, (byte)255),
            _ => ((byte)255, (byte)255, (byte)255),
        });
        var vector = Assert.Single(featurizer.Encode([image]));
        Assert.Equal([0.299f, 0.587f, 0.114f, 1f], vector, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void PixelsResizesToDefaultSixteenSquare()
    {
        var featurizer = new PixelsFeaturizer();
        Assert.Equal(256, featurizer.Dimension);
        var vectors = featurizer.Encode([ImageFixtures.Solid(64, 40, 128, 128, 128), ImageFixtures.Solid(3, 5, 0, 0, 0)]);
        Assert.All(vectors[0], v => Assert.Equal(128f / 255f, v, 1e-6f));
        Assert.All(vectors[1], v => Assert.Equal(0f, v));
        Assert.Equal(256, vectors[1].Length);
    }

    [Fact]
    public void PixelsOfLeftDarkRightBrightKeepsTheEdge()
    {
        var image = ImageFixtures.FromColors(64, 64, (x, _) => x < 32 ? ((byte)0, (byte)0, (byte)0) : ((byte)255, (byte)255, (byte)255));
        var vector = new PixelsFeaturizer(new PixelsOptions(4)).Encode([image])[0];
        for (int y = 0; y < 4; y++)
        {
            Assert.Equal(0f, vector[y * 4], 1e-6f);
            Assert.Equal(1f, vector[y * 4 + 3], 1e-6f);
        }
    }

    [Fact]
    public void ColorHistogramCountsHsvBins()
    {
        var featurizer = new ColorHistogramFeaturizer();
        Assert.Equal(("color-hist", "1;bins=8x4x4", 128), (featurizer.Id, featurizer.Version, featurizer.Dimension));
        // red, red, white, green: bin = (h * 4 + s) * 4 + v
        var image = ImageFixtures.FromColors(2, 2, (x, y) => (x, y) switch
        {
            (1, 1) => ((byte)0, (byte)255, (byte)0),
            (0, 1) => ((byte)255, (byte)255, (byte)255),
            _ => ((byte)255, (byte)0, (byte)0),
        });
        var vector = Assert.Single(featurizer.Encode([image]));
        var expected = new float[128];
        expected[(0 * 4 + 3) * 4 + 3] = 0.5f;  // red: hue 0, s 1, v 1
        expected[(0 * 4 + 0) * 4 + 3] = 0.25f; // white: s 0, v 1
        expected[(2 * 4 + 3) * 4 + 3] = 0.25f; // green: hue 120 -> bin 2 of 8
        Assert.Equal(expected, vector);
    }

    [Fact]
    public void ColorHistogramSumsToOneWithCustomBins()
    {
        var featurizer = new ColorHistogramFeaturizer(new ColorHistogramOptions(HueBins: 4, SaturationBins: 2, ValueBins: 2));
        Assert.Equal(16, featurizer.Dimension);
        var image = ImageFixtures.FromColors(17, 9, (x, y) => ((byte)(x * 15), (byte)(y * 28), (byte)(x * y)));
        var vector = featurizer.Encode([image])[0];
        Assert.Equal(1.0, vector.Sum(v => (double)v), 6);
        // dark gray: v = 64/255 < 0.5, s = 0 -> bin 0
        Assert.Equal(1f, featurizer.Encode([ImageFixtures.Solid(3, 3, 64, 64, 64)])[0][0]);
    }

    [Fact]
    public void ResizerStretchesAndCentreCrops()
    {
        var constant = ImageFixtures.Solid(50, 30, 10, 20, 30);
        var resized = ImageResizer.Resize(constant, 7, 9);
        Assert.Equal((7, 9), (resized.Width, resized.Height));
        Assert.All(Enumerable.Range(0, 63), p => Assert.Equal(new byte[] { 10, 20, 30 }, resized.Pixels[(p * 3)..(p * 3 + 3)]));
        Assert.Same(constant, ImageResizer.Resize(constant, 50, 30));

        // 6x2 with a red 2x2 middle and blue sides: centre crop to 2x2 keeps only the red middle.
        var wide = ImageFixtures.FromColors(6, 2, (x, _) => x is 2 or 3 ? ((byte)255, (byte)0, (byte)0) : ((byte)0, (byte)0, (byte)255));
        var cropped = ImageResizer.CenterCropResize(wide, 2, 2);
        Assert.Equal(ImageFixtures.Solid(2, 2, 255, 0, 0).Pixels, cropped.Pixels);
    }
}
