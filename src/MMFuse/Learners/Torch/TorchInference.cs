using MMFuse.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Learners.Torch;

/// <summary>
/// Runs a trained network over rows in batches, without gradients and with every batch's tensors disposed:
/// softmax probabilities for classification, a sigmoid per output (label) for multi-label, the target's
/// standardisation undone for regression.
/// Shared by the MLP and the joint fusion networks.
/// </summary>
internal static class TorchInference
{
    private const int Batch = 4096;

    /// <param name="rows">Number of rows.</param>
    /// <param name="threads">libtorch intra-op threads.</param>
    /// <param name="task">Softmax for classification; sigmoid per label for multi-label; unstandardise for regression.</param>
    /// <param name="targetMean">Regression: the training target's mean.</param>
    /// <param name="targetScale">Regression: the training target's standard deviation.</param>
    /// <param name="forward">The network's output (logits or standardised values) for rows [start, start + count).</param>
    public static float[][] Predict(int rows, int threads, TaskKind task, float targetMean, float targetScale, Func<int, int, Tensor> forward)
    {
        var result = new float[rows][];
        TorchRuntime.SetThreads(threads);
        using var noGrad = no_grad();
        // Held for every batch: a temporary Scalar could be freed mid-call (see HeldScalars).
        using var scale = targetScale.ToScalar();
        using var mean = targetMean.ToScalar();
        for (var start = 0; start < rows; start += Batch)
        {
            var count = Math.Min(Batch, rows - start);
            using var scope = NewDisposeScope();
            var output = forward(start, count);
            output = task switch
            {
                TaskKind.Regression => output.mul(scale).add_(mean, HeldScalars.One),
                TaskKind.Multilabel => nn.functional.sigmoid(output),
                _ => nn.functional.softmax(output, 1),
            };
            var values = output.data<float>().ToArray();
            var width = (int)output.shape[1];
            for (var r = 0; r < count; r++)
                result[start + r] = values.AsSpan(r * width, width).ToArray();
        }
        return result;
    }
}
