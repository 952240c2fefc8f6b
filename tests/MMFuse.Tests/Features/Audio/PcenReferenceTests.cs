using System.Text.Json;
using MMFuse.Features.Audio;

namespace MMFuse.Tests.Features.Audio;

/// <summary>PCEN against tools/reference/pcen_reference.py (librosa.pcen's computation with scipy's lfilter).</summary>
public sealed class PcenReferenceTests
{
    private static readonly JsonElement Reference =
        JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("audio", "pcen-reference.json"))).RootElement;

    private static float[][] Matrix(string name) =>
        Reference.GetProperty(name).EnumerateArray().Select(row => row.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray()).ToArray();

    [Theory]
    [InlineData("librosa_default", false)]
    [InlineData("first_frame", true)]
    public void Matches_the_reference_values(string name, bool startAtFirstFrame)
    {
        var actual = Pcen.Apply(Matrix("energy"), 0.01, new PcenOptions(StartAtFirstFrame: startAtFirstFrame));
        var expected = Matrix(name);
        Assert.Equal(expected.Length, actual.Length);
        for (var t = 0; t < expected.Length; t++)
            for (var c = 0; c < expected[t].Length; c++)
                Assert.True(Math.Abs(expected[t][c] - actual[t][c]) <= 1e-5 + 1e-5 * Math.Abs(expected[t][c]),
                    $"frame {t}, band {c}: expected {expected[t][c]}, got {actual[t][c]}");
    }

    [Fact]
    public void The_grid_over_pcen_has_the_logmel_grid_layout_and_its_settings_in_the_signature()
    {
        var logMel = Enumerable.Range(0, 50).Select(t => Enumerable.Range(0, 64).Select(b => (float)Math.Sin(t + b) - 5).ToArray()).ToArray();
        var extractor = new PcenLogMelExtractor();
        var vector = extractor.Summarise(logMel);
        Assert.Equal(new LogMelGridExtractor().Dimension, vector.Length);
        Assert.All(vector, v => Assert.True(float.IsFinite(v)));
        Assert.NotEqual(new LogMelGridExtractor().Summarise(logMel), vector);
        using var audio = AudioFeatureExtractor.Create(PcenLogMelExtractor.Id);
        Assert.StartsWith(PcenLogMelExtractor.Version + ";pcen=", audio.Signature.Version);
        Assert.NotEqual(new PcenLogMelExtractor(new PcenOptions(Gain: 0.8)).Settings, extractor.Settings);
    }
}
