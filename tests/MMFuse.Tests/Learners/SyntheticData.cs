using MMFuse.Data;
using MMFuse.Learners;

namespace MMFuse.Tests.Learners;

/// <summary>Seeded toy problems: Gaussian blobs (classification) and a noisy linear target (regression).</summary>
internal static class SyntheticData
{
    public static LearnerData Blobs(int rows, int columns, int classes, int seed, double spread = 0.6)
    {
        var rng = new Random(seed);
        var centres = Enumerable.Range(0, classes)
            .Select(_ => Enumerable.Range(0, columns).Select(_ => rng.NextDouble() * 6 - 3).ToArray()).ToArray();
        var x = new float[rows][];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var c = i % classes;
            y[i] = c;
            x[i] = centres[c].Select(m => (float)(m + spread * Gaussian(rng))).ToArray();
        }
        return new LearnerData(x, y, classes == 2 ? TaskKind.Binary : TaskKind.Multiclass, classes);
    }

    public static LearnerData Linear(int rows, int columns, int seed, double noise = 0.1)
    {
        var rng = new Random(seed);
        var beta = Enumerable.Range(0, columns).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var x = new float[rows][];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = Enumerable.Range(0, columns).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
            y[i] = (float)(x[i].Select((v, j) => v * beta[j]).Sum() + 1.5 + noise * Gaussian(rng));
        }
        return new LearnerData(x, y, TaskKind.Regression, 0);
    }

    public static LearnerData Make(TaskKind task, int rows, int seed) => task switch
    {
        TaskKind.Binary => Blobs(rows, 5, 2, seed),
        TaskKind.Multiclass => Blobs(rows, 5, 3, seed),
        _ => Linear(rows, 4, seed),
    };

    public static (LearnerData Train, LearnerData Test) Split(LearnerData d, int testEvery = 4)
    {
        var test = Enumerable.Range(0, d.Rows).Where(i => i % testEvery == 0).ToArray();
        var train = Enumerable.Range(0, d.Rows).Where(i => i % testEvery != 0).ToArray();
        LearnerData Take(int[] idx) => d with
        {
            Features = idx.Select(i => d.Features[i]).ToArray(),
            Labels = idx.Select(i => d.Labels[i]).ToArray(),
            Weights = d.Weights is null ? null : idx.Select(i => d.Weights[i]).ToArray(),
        };
        return (Take(train), Take(test));
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
