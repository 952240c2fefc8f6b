using System.Text.Json;
using MMFuse.Features;
using MMFuse.Features.Images;

namespace MMFuse.Tests.Features.Images;

public sealed class ResNet18EncoderTests
{
    private const int Plane = 224 * 224;

    private static RgbImage ReferenceImage() =>
        ImageDecoder.Decode(File.ReadAllBytes(TestPaths.Fixture("images", "resnet18-input.png")));

    private static float[] ReferenceVector()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("images", "resnet18-reference.json")));
        return json.RootElement.GetProperty("vector").EnumerateArray().Select(v => v.GetSingle()).ToArray();
    }

    private static void AssertClose(float[] expected, float[] actual, double tolerance = 1e-4)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"element {i}: expected {expected[i]}, got {actual[i]}");
    }

    [Fact]
    public void DescribesItselfAndHashesTheShippedModelFiles()
    {
        using var encoder = new ResNet18Encoder();
        Assert.Equal("resnet18", encoder.Id);
        Assert.Equal(512, encoder.Dimension);
        Assert.Equal("1;fit=crop", encoder.Version);
        using var stretch = new ResNet18Encoder(new ResNet18Options(CenterCrop: false));
        Assert.Equal("1;fit=stretch", stretch.Version);
        // sha256 of ResNetPreprocess.onnx followed by ResNet18.onnx from the 0.23.1 package (`cat a b | sha256sum`).
        Assert.Equal("f87b21f3908685685458eacaa3e958cb7c70e48ae6cb433f9c68595243a3c206", encoder.ModelHash);
    }

    [Fact]
    public void MissingModelDirectoryIsAClearError()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => new ResNet18Encoder(new ResNet18Options(ModelDirectory: "/nonexistent")));
        Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18", ex.Message);
    }

    [Fact]
    public void EncodesTheCommittedImageToTheCommittedReferenceVector()
    {
        using var encoder = new ResNet18Encoder(new ResNet18Options(Sessions: 1));
        var vector = Assert.Single(encoder.Encode([ReferenceImage()]));
        AssertClose(ReferenceVector(), vector);
        Assert.All(vector, v => Assert.True(v >= 0, "ReLU then average pooling gives non-negative features"));
    }

    [Fact]
    public void ParallelSessionsGiveTheSameVectorsAsOneImageAtATime()
    {
        var emoji = Directory.GetFiles(Path.Combine(TestPaths.SharedDatasets, "emoji", "images", "google"), "*.png")
            .Order(StringComparer.Ordinal).Take(3).Select(f => ImageDecoder.Decode(File.ReadAllBytes(f)));
        RgbImage[] images = [ReferenceImage(), .. emoji, ImageFixtures.FromColors(300, 150, (x, y) => ((byte)x, (byte)y, (byte)(x ^ y)))];

        using var parallel = new ResNet18Encoder(new ResNet18Options(Sessions: 2));
        var together = parallel.Encode(images);

        using var single = new ResNet18Encoder(new ResNet18Options(Sessions: 1));
        Assert.Equal(images.Length, together.Length);
        for (int i = 0; i < images.Length; i++)
            AssertClose(Assert.Single(single.Encode([images[i]])), together[i]);
        Assert.Empty(single.Encode([]));
        Assert.NotEqual(together[0], together[1]);
    }

    [Fact]
    public void PreprocessingGraphSwapsToBgrAndSubtractsTheMeanImage()
    {
        using var session = new ResNet18Session(ResNet18ModelFiles.Locate());
        var zeros = session.Preprocess(new float[3 * Plane]);
        var hundred = session.Preprocess(Enumerable.Repeat(100f, 3 * Plane).ToArray());
        var redOnly = new float[3 * Plane];
        Array.Fill(redOnly, 1f, 0, Plane);
        var red = session.Preprocess(redOnly);

        // Linear with unit slope: f(100) - f(0) == 100 everywhere.
        Assert.All(Enumerable.Range(0, 3 * Plane), i => Assert.Equal(100f, hundred[i] - zeros[i], 1e-3f));
        // The R input plane lands in output channel 2 (output order is B, G, R).
        Assert.All(Enumerable.Range(0, 3 * Plane), i => Assert.Equal(i >= 2 * Plane ? 1f : 0f, red[i] - zeros[i], 1e-4f));
        // f(0) = -MeanImage: a per-pixel mean (not a constant), channel means close to ImageNet's BGR (104, 117, 123).
        double[] means = [.. Enumerable.Range(0, 3).Select(c => -zeros.Skip(c * Plane).Take(Plane).Average(v => (double)v))];
        Assert.Equal(103.0626, means[0], 3);
        Assert.Equal(115.9029, means[1], 3);
        Assert.Equal(123.1516, means[2], 3);
        Assert.Equal(-114.4211f, zeros[0], 3);                     // B at (0, 0)
        Assert.Equal(-123.3333f, zeros[2 * Plane + 112 * 224 + 112], 3); // R at the centre
    }

    [Fact]
    public void SessionEncodesARenderedImageDirectlyAndRejectsOtherSizes()
    {
        using var session = new ResNet18Session(ResNet18ModelFiles.Locate());
        AssertClose(ReferenceVector(), session.Encode(ReferenceImage()));
        Assert.Throws<ArgumentException>(() => session.Encode(ImageFixtures.Solid(10, 10, 0, 0, 0)));
    }

    [Fact]
    public void PlanarLayoutIsRThenGThenB()
    {
        var image = ImageFixtures.FromColors(224, 224, (x, y) => ((byte)x, (byte)y, 7));
        var planar = ResNet18Session.ToPlanarRgb(image);
        Assert.Equal(5f, planar[3 * 224 + 5]);        // R(5, 3) = x
        Assert.Equal(3f, planar[Plane + 3 * 224 + 5]); // G(5, 3) = y
        Assert.Equal(7f, planar[2 * Plane + 3 * 224 + 5]);
    }
}
