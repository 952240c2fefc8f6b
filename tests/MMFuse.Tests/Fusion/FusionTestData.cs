using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Fusion;

namespace MMFuse.Tests.Fusion;

/// <summary>Synthetic two-modality classification data: block "a" carries the class, block "b" is pure noise.</summary>
internal static class FusionTestData
{
    public static FusionTrainingSet Make(int rows = 120, int classes = 3, int seed = 1, double absentShare = 0.1)
    {
        var random = new Random(seed);
        var targets = Enumerable.Range(0, rows).Select(i => (float)(i % classes)).ToArray();
        float[] Informative(int r) => Enumerable.Range(0, 4).Select(d => (float)((d == (int)targets[r] ? 3 : 0) + random.NextDouble())).ToArray();
        float[] Noise(int _) => Enumerable.Range(0, 5).Select(_ => (float)random.NextDouble()).ToArray();
        var a = new FeatureBlock("a", "test", 4, Enumerable.Range(0, rows).Select(Informative).ToArray(), Enumerable.Repeat(true, rows).ToArray());
        var bPresent = Enumerable.Range(0, rows).Select(_ => random.NextDouble() >= absentShare).ToArray();
        var b = new FeatureBlock("b", "test", 5, Enumerable.Range(0, rows).Select(Noise).ToArray(), bPresent);
        return new FusionTrainingSet([a, b], targets, TaskKind.Multiclass, classes, seed);
    }
}
