using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary>
/// Combines the modality hidden vectors <c>[rows, modalities, hidden]</c> (absent modalities already replaced by
/// their absent embeddings) into one vector per row <c>[rows, OutputSize]</c>. The presence mask
/// <c>[rows, modalities]</c> (bool) is there for layers that mask absent modalities out (attention).
/// </summary>
internal abstract class FusionLayer(string name) : nn.Module<Tensor, Tensor, Tensor>(name)
{
    public abstract long OutputSize { get; }

    /// <summary>The hidden vector of modality <paramref name="m"/>: <c>[rows, hidden]</c>.</summary>
    protected static Tensor Modality(Tensor hidden, int m) => hidden.select(1, m);

    /// <summary>[v; 1]: the constant 1 lets the tensor and low-rank products keep every lower-order interaction.</summary>
    protected static Tensor WithOne(Tensor v) => cat([v, ones(v.shape[0], 1, dtype: v.dtype, device: v.device)], 1);
}
