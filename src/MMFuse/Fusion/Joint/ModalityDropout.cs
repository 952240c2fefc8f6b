using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary>
/// Training-time modality dropout: each present modality of a row is independently marked absent with
/// probability p, so the network learns to predict from any subset of the blocks. A row that would lose every
/// present modality keeps them all instead (it stays a training example for the full input). The draws come
/// from the training's own generator (<see cref="Learners.Torch.TorchRuntime.Train"/>).
/// </summary>
internal static class ModalityDropout
{
    /// <param name="present">[rows, modalities] bool.</param>
    /// <param name="p">The chance that each present modality is dropped; 0 or less returns <paramref name="present"/> as is.</param>
    /// <param name="generator">The training's generator, so the draws follow its seed.</param>
    public static Tensor Apply(Tensor present, double p, Generator? generator)
    {
        if (p <= 0)
            return present;
        // Held until the call returns: a temporary Scalar could be freed mid-call (see HeldScalars).
        using var threshold = p.ToScalar();
        var kept = present.logical_and(rand(present.shape, generator: generator).ge(threshold));
        var emptied = kept.any(1, keepdim: true).logical_not();
        return where(emptied, present, kept);
    }
}
