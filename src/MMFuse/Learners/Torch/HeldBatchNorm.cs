using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MMFuse.Learners.Torch;

/// <summary>
/// Batch normalisation's forward pass without temporary <see cref="TorchSharp.Scalar"/>s. TorchSharp 0.107's
/// <c>BatchNorm.forward</c> counts batches with <c>num_batches_tracked.add_(1)</c>, which makes two temporary Scalars
/// (the 1 and the hidden alpha) that a collection on another thread can free while libtorch still reads them: training
/// then fails at random ("For integral input tensors, argument alpha must not be a floating point number"; see
/// <see cref="HeldScalars"/>). This does the same arithmetic with held Scalars, on the module's own parameters and
/// buffers, so saved networks keep their names and values.
/// </summary>
internal static class HeldBatchNorm
{
    /// <summary>What <paramref name="norm"/>'s own forward computes, and the same update of its running statistics
    /// and batch count in training mode.</summary>
    public static Tensor Forward(BatchNorm norm, Tensor input)
    {
        var momentum = norm.momentum ?? 0.0;
        if (norm.training && norm.track_running_stats && norm.num_batches_tracked is { } count)
        {
            count.add_(HeldScalars.One, HeldScalars.One);
            // No momentum (or 0) means a cumulative average, as PyTorch's momentum=None does.
            if (momentum == 0)
                momentum = 1.0 / count.item<long>();
        }
        var useBatch = norm.training || norm.running_mean is null || norm.running_var is null;
        var tracked = !norm.training || norm.track_running_stats;
        return nn.functional.batch_norm(input, tracked ? norm.running_mean : null, tracked ? norm.running_var : null,
            norm.weight, norm.bias, useBatch, momentum, norm.eps);
    }
}
