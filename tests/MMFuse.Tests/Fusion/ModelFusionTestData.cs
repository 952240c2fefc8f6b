using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Fusion;

namespace MMFuse.Tests.Fusion;

/// <summary>Data sets for the model-level fusion tests (late, vote, stacking), beside <see cref="FusionTestData"/>.</summary>
internal static class ModelFusionTestData
{
    /// <summary>Regression: block "a" determines the target (plus a little noise), block "b" is pure noise.</summary>
    public static FusionTrainingSet Regression(int rows = 100, int seed = 3)
    {
        var random = new Random(seed);
        var a = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, 3).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        var targets = a.Select(x => (float)(2 * x[0] - x[1] + 0.5 * x[2] + 0.05 * random.NextDouble())).ToArray();
        var b = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, 4).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        return new FusionTrainingSet(
            [Block("a", a, Enumerable.Repeat(true, rows).ToArray()), Block("b", b, Enumerable.Range(0, rows).Select(r => r % 7 != 0).ToArray())],
            targets, TaskKind.Regression, 0, seed);
    }

    /// <summary>
    /// Random binary labels and a block "id" that one-hot encodes the row number: a learner can memorise its
    /// training rows perfectly from it and knows nothing about any other row. Plus a noise block "noise" with absent rows.
    /// </summary>
    public static (FeatureSet Features, float[] Labels) Memorisable(int rows = 60, int seed = 5)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, rows).Select(r => (float)(r % 2)).ToArray();
        random.Shuffle(labels);
        var id = Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, rows).Select(c => c == r ? 1f : 0f).ToArray()).ToArray();
        var noise = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, 3).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        var blocks = new[]
        {
            Block("id", id, Enumerable.Repeat(true, rows).ToArray()),
            Block("noise", noise, Enumerable.Range(0, rows).Select(_ => random.NextDouble() > 0.2).ToArray()),
        };
        return (new FeatureSet(rows, blocks, [], []), labels);
    }

    public static FeatureBlock Block(string name, float[][] rows, bool[] present) => new(name, "test", rows[0].Length, rows, present);

    /// <summary>The blocks with the rows in <paramref name="absent"/> of block <paramref name="name"/> marked absent.</summary>
    public static IReadOnlyList<FeatureBlock> WithAbsent(IReadOnlyList<FeatureBlock> blocks, string name, params int[] absent) =>
        blocks.Select(b => b.Modality != name ? b : b with
        {
            Present = b.Present.Select((p, r) => p && !absent.Contains(r)).ToArray(),
        }).ToArray();

    /// <summary>Share of rows whose most probable class is the target.</summary>
    public static double Accuracy(float[][] predictions, float[] targets) =>
        predictions.Select((p, i) => Array.IndexOf(p, p.Max()) == (int)targets[i]).Count(ok => ok) / (double)targets.Length;

    /// <summary>Each row is a probability distribution over the classes.</summary>
    public static void AssertProbabilityRows(float[][] predictions, int classes)
    {
        foreach (var p in predictions)
        {
            Assert.Equal(classes, p.Length);
            Assert.All(p, v => Assert.True(float.IsFinite(v) && v >= 0 && v <= 1, $"probability {v}"));
            Assert.Equal(1.0, p.Sum(v => (double)v), 4);
        }
    }
}
