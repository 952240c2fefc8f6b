using System.Text.Json.Nodes;
using MMFuse.Features;
using MMFuse.Fusion;

namespace MMFuse.Tests.Evaluation.Analysis;

/// <summary>A fast test strategy: per block, Gaussian class centroids (shared per-dimension spread) fitted on the
/// present training rows; a row's class log-scores add over its present blocks (an absent block adds nothing).</summary>
internal sealed class CentroidStrategy : IFusionStrategy
{
    public string Name => "test/centroid";

    public string Fusion => "test";

    public IFusionModel Fit(FusionTrainingSet train)
    {
        var blocks = train.Blocks.Select(b =>
        {
            var present = Enumerable.Range(0, b.Count).Where(r => b.Present[r]).ToArray();
            var spread = Enumerable.Range(0, b.Dimension).Select(d =>
            {
                var mean = present.Average(r => b.Rows[r][d]);
                return Math.Sqrt(present.Average(r => Math.Pow(b.Rows[r][d] - mean, 2))) + 1e-6;
            }).ToArray();
            var centroids = Enumerable.Range(0, train.ClassCount).Select(c =>
            {
                var rows = present.Where(r => (int)train.Targets[r] == c).ToArray();
                return Enumerable.Range(0, b.Dimension).Select(d => rows.Length == 0 ? 0 : rows.Average(r => (double)b.Rows[r][d])).ToArray();
            }).ToArray();
            return (b.Modality, centroids, spread);
        }).ToArray();
        return new Model(blocks, train.ClassCount);
    }

    private sealed class Model((string Modality, double[][] Centroids, double[] Spread)[] blocks, int classes) : IFusionModel
    {
        public float[][] Predict(IReadOnlyList<FeatureBlock> input) => Enumerable.Range(0, input[0].Count).Select(r =>
        {
            var scores = new double[classes];
            foreach (var (modality, centroids, spread) in blocks)
            {
                var block = input.First(b => b.Modality == modality);
                if (!block.Present[r])
                    continue;
                for (var c = 0; c < classes; c++)
                    scores[c] -= Enumerable.Range(0, spread.Length).Sum(d => Math.Pow((block.Rows[r][d] - centroids[c][d]) / spread[d], 2)) / 2;
            }
            var max = scores.Max();
            var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
            return exp.Select(e => (float)(e / exp.Sum())).ToArray();
        }).ToArray();

        public (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe() =>
            throw new NotSupportedException("A test strategy is never saved.");
    }
}
