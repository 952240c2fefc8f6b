using MMFuse.Data;
using MMFuse.Evaluation.MultiLabel;
using MMFuse.Features;
using MMFuse.Fusion;

namespace MMFuse.Tests.MultiLabel;

/// <summary>Synthetic multi-label data over three blocks: label <c>l</c> is on exactly when block <c>l</c>'s first
/// feature is high, so each label depends on a different modality; the labels are independent of each other.</summary>
internal static class MultiLabelTestData
{
    public static readonly string[] Blocks = ["a", "b", "c"];

    public static (IReadOnlyList<FeatureBlock> Blocks, bool[][] Sets) Make(int rows, int seed)
    {
        var random = new Random(seed);
        var sets = Enumerable.Range(0, rows).Select(_ => Blocks.Select(_ => random.NextDouble() < 0.4).ToArray()).ToArray();
        var blocks = Blocks.Select((name, l) => new FeatureBlock(name, "test", 3,
            sets.Select(s => new[] { (float)((s[l] ? 2 : 0) + random.NextDouble()), (float)random.NextDouble(), (float)random.NextDouble() }).ToArray(),
            Enumerable.Repeat(true, rows).ToArray())).ToArray();
        return (blocks, sets);
    }

    public static FusionTrainingSet Training(int rows, int seed)
    {
        var (blocks, sets) = Make(rows, seed);
        return new FusionTrainingSet(blocks, sets.Select(LabelSetCode.Encode).ToArray(), TaskKind.Multilabel, Blocks.Length, seed);
    }
}
