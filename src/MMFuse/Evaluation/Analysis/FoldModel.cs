using MMFuse.Features;
using MMFuse.Fusion;

namespace MMFuse.Evaluation.Analysis;

/// <summary>One fold's trained model (<see cref="Position"/> = its place in the fold list) with what is needed to predict variants of its test rows: the fitted
/// featurisers, the raw test rows, their clean blocks and targets, and the tabular noise (null without tabular columns).</summary>
internal sealed record FoldModel(
    int Position, Fold Fold, FittedFeatures Features, IFusionModel Model, FeatureSet Test, IReadOnlyList<FeatureBlock> TestBlocks,
    float[] TestTargets, TabularNoise? TabularNoise)
{
    /// <summary>The clean test blocks with the block at <paramref name="index"/> swapped for <paramref name="replacement"/>.</summary>
    public IReadOnlyList<FeatureBlock> With(int index, FeatureBlock replacement)
    {
        var blocks = TestBlocks.ToArray();
        blocks[index] = replacement;
        return blocks;
    }

    /// <summary>The clean test blocks with the block at <paramref name="index"/> absent on the given test positions.</summary>
    public IReadOnlyList<FeatureBlock> Masked(int index, IEnumerable<int> positions)
    {
        var present = (bool[])TestBlocks[index].Present.Clone();
        foreach (var p in positions)
            present[p] = false;
        return With(index, TestBlocks[index] with { Present = present });
    }
}
