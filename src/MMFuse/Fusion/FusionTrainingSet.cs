using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Fusion;

/// <summary>What a fusion strategy trains on: one raw block per modality (absent rows flagged in
/// <see cref="FeatureBlock.Present"/>), the targets, the task, the seed and how each strategy should normalise
/// the blocks (on these training rows only).</summary>
public sealed record FusionTrainingSet(IReadOnlyList<FeatureBlock> Blocks, float[] Targets, TaskKind Task, int ClassCount, int Seed,
    NormalizeMode Normalize = NormalizeMode.ZScore)
{
    /// <summary>One sample weight per training row (sample and class weights multiplied); null for unweighted rows.
    /// Every learner, out-of-fold weighting and meta-learner a strategy fits uses them.</summary>
    public float[]? Weights { get; init; }

    /// <summary>The number of training rows.</summary>
    public int Rows => Targets.Length;

    /// <summary>The same set for the given <paramref name="rows"/> only (an inner fold's training part): blocks,
    /// targets and weights taken together, so no inner fit sees a weight of another row.</summary>
    public FusionTrainingSet Subset(IReadOnlyList<int> rows) => this with
    {
        Blocks = FeatureBlocks.Subset(Blocks, rows),
        Targets = rows.Select(i => Targets[i]).ToArray(),
        Weights = Weights is { } weights ? rows.Select(i => weights[i]).ToArray() : null,
    };
}
