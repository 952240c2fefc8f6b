using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features;

namespace MMFuse.Fusion.Explanation;

/// <summary>
/// Exact Shapley values of the modalities for each row's prediction. The "players" are the modality blocks; a
/// coalition is the row with only those blocks present, the others marked absent and predicted through the model's
/// own missing-modality path (as in training with a modality missing). With M modalities that is 2^M predictions
/// of every row, batched per coalition, so M is capped at <see cref="MaxModalities"/>.
/// </summary>
public static class ModalityShapley
{
    /// <summary>The most modalities explained (2^10 = 1,024 predictions per row).</summary>
    public const int MaxModalities = 10;

    /// <summary>One explanation per row of <paramref name="blocks"/>, in row order.</summary>
    /// <param name="model">A trained model that predicts through its missing-modality path when a block is absent.</param>
    /// <param name="blocks">The rows to explain, one raw block per modality, as the model was trained on.</param>
    /// <param name="task">Classification explains the predicted class's probability; regression the value.</param>
    public static IReadOnlyList<ModalityExplanation> Explain(IFusionModel model, IReadOnlyList<FeatureBlock> blocks, TaskKind task)
    {
        ArgumentNullException.ThrowIfNull(model);
        var m = blocks.Count;
        if (m == 0 || m > MaxModalities)
            throw new ArgumentException($"Exact Shapley values need 1 to {MaxModalities} modalities (got {m}).", nameof(blocks));
        var rows = blocks[0].Count;
        // value[mask][row][output]: the prediction with only the modalities in mask present.
        var value = new float[1 << m][][];
        for (var mask = 0; mask < value.Length; mask++)
            value[mask] = model.Predict(Masked(blocks, mask));
        var full = value[^1];
        var predicted = task == TaskKind.Regression ? null : ClassificationMetrics.PredictedClasses(full);
        var weights = CoalitionWeights(m);
        var result = new ModalityExplanation[rows];
        for (var r = 0; r < rows; r++)
        {
            var output = predicted?[r] ?? 0;
            var contributions = new KeyValuePair<string, double>[m];
            for (var i = 0; i < m; i++)
            {
                var phi = 0.0;
                for (var mask = 0; mask < value.Length; mask++)
                    if ((mask & (1 << i)) == 0)
                        phi += weights[System.Numerics.BitOperations.PopCount((uint)mask)] *
                            ((double)value[mask | (1 << i)][r][output] - value[mask][r][output]);
                contributions[i] = new(blocks[i].Modality, phi);
            }
            result[r] = new ModalityExplanation(output, full[r][output], value[0][r][output], contributions);
        }
        return result;
    }

    /// <summary>|S|!(M−|S|−1)!/M! by coalition size |S|.</summary>
    private static double[] CoalitionWeights(int m)
    {
        static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
        return Enumerable.Range(0, m).Select(s => Factorial(s) * Factorial(m - s - 1) / Factorial(m)).ToArray();
    }

    private static FeatureBlock[] Masked(IReadOnlyList<FeatureBlock> blocks, int mask) => blocks
        .Select((b, i) => (mask & (1 << i)) != 0 ? b : b with { Present = new bool[b.Count] })
        .ToArray();
}
