using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Learners.Torch;

namespace MMFuse.Tests.Fusion.Joint;

/// <summary>Small, fast settings and data for the joint fusion tests.</summary>
internal static class JointTestData
{
    public static TheoryData<JointKind> Kinds => new(JointKinds.All);

    public static JointOptions Fast(int epochs = 40, double dropout = 0.1, double modalityDropout = 0.2, double validation = 0.1) => new(
        HiddenSize: 16, FusionSize: 4, Rank: 4, Dropout: dropout, ModalityDropout: modalityDropout, AttentionHeads: 2,
        ValidationFraction: validation,
        Training: new TrainingOptions(LearningRate: 0.01, BatchSize: 16, Epochs: epochs, Patience: 10, Threads: 1));

    /// <summary>16 rows, 2 classes, labels unrelated to two random blocks: only memorising fits them.</summary>
    public static FusionTrainingSet Tiny(int seed = 3)
    {
        var random = new Random(seed);
        FeatureBlock Block(string name, int dims) => new(name, "test", dims,
            Enumerable.Range(0, 16).Select(_ => Enumerable.Range(0, dims).Select(_ => (float)random.NextDouble()).ToArray()).ToArray(),
            Enumerable.Repeat(true, 16).ToArray());
        var targets = Enumerable.Range(0, 16).Select(i => (float)(i % 2)).ToArray();
        random.Shuffle(targets);
        return new FusionTrainingSet([Block("a", 3), Block("b", 4)], targets, TaskKind.Binary, 2, seed);
    }

    /// <summary>The same rows with every row of <paramref name="block"/> marked absent (its values left as they were).</summary>
    public static IReadOnlyList<FeatureBlock> Without(IReadOnlyList<FeatureBlock> blocks, params string[] absent) =>
        blocks.Select(b => absent.Contains(b.Modality) ? b with { Present = new bool[b.Count] } : b).ToArray();

    public static IEnumerable<int> Bits(float[] row) => row.Select(BitConverter.SingleToInt32Bits);
}
