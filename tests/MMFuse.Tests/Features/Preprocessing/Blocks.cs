using System.Text.Json.Nodes;
using MMFuse.Features;

namespace MMFuse.Tests.Features.Preprocessing;

/// <summary>Small builders and bit-level comparisons shared by the preprocessing tests.</summary>
internal static class Blocks
{
    public static FeatureBlock Make(string name, float[][] rows, bool[]? present = null) =>
        new(name, "test", rows.Length == 0 ? 0 : rows[0].Length, rows, present ?? rows.Select(_ => true).ToArray());

    /// <summary>Seeded normal-ish values (sum of uniforms), scaled and shifted per column.</summary>
    public static float[][] Random(int seed, int rows, int columns)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns)
            .Select(c => (float)((random.NextDouble() + random.NextDouble() - 1) * (c + 1) * 3 + c * 10)).ToArray()).ToArray();
    }

    /// <summary>Through text, as it would be stored in a model file.</summary>
    public static JsonNode Reparse(JsonNode node) => JsonNode.Parse(node.ToJsonString())!;

    public static void AssertBitIdentical(float[][] expected, float[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var r = 0; r < expected.Length; r++)
            Assert.Equal(expected[r].Select(BitConverter.SingleToInt32Bits), actual[r].Select(BitConverter.SingleToInt32Bits));
    }

    public static double Mean(IEnumerable<float> values) => values.Average(v => (double)v);

    public static double Std(IReadOnlyList<float> values)
    {
        var mean = Mean(values);
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
