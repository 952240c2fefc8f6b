using MMFuse.Data;
using MMFuse.Learners;

namespace MMFuse.Tests.Learners.Torch;

/// <summary>Small seeded problems with known structure.</summary>
internal static class TorchTestData
{
    /// <summary>Gaussian blobs around well-separated class centres (class k at +4 on feature k, offset by 10 in scale
    /// so standardisation matters); the task is Binary for 2 classes.</summary>
    public static LearnerData Blobs(int classes, int perClass, int columns = 4, int seed = 1)
    {
        var rng = new Random(seed);
        var features = new List<float[]>();
        var labels = new List<float>();
        for (var i = 0; i < perClass; i++)
        {
            for (var k = 0; k < classes; k++)
            {
                var row = new float[columns];
                for (var c = 0; c < columns; c++)
                    row[c] = 10f * (float)(Gaussian(rng) * 0.5 + (c == k % columns ? 4 : 0)) + 100f;
                features.Add(row);
                labels.Add(k);
            }
        }
        return new LearnerData(features.ToArray(), labels.ToArray(), classes == 2 ? TaskKind.Binary : TaskKind.Multiclass, classes);
    }

    /// <summary>y = 3 x0 - 2 x1 + 50 with a little noise.</summary>
    public static LearnerData Linear(int rows, int seed = 2)
    {
        var rng = new Random(seed);
        var features = new float[rows][];
        var labels = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            features[r] = [(float)Gaussian(rng), (float)Gaussian(rng), (float)Gaussian(rng)];
            labels[r] = 3 * features[r][0] - 2 * features[r][1] + 50 + 0.05f * (float)Gaussian(rng);
        }
        return new LearnerData(features, labels, TaskKind.Regression, 0);
    }

    public static double Accuracy(float[][] probabilities, float[] labels)
    {
        var hits = 0;
        for (var r = 0; r < labels.Length; r++)
        {
            var p = probabilities[r];
            if (Array.IndexOf(p, p.Max()) == (int)labels[r])
                hits++;
        }
        return hits / (double)labels.Length;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
