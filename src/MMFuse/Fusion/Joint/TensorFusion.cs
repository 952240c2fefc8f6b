using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary>
/// <c>joint-tensor</c>: tensor fusion of Zadeh et al. (2017). Each modality's hidden vector is projected to a small
/// size d, extended to [z_m; 1], and the outer product over the modalities is flattened: (d + 1)^M values holding
/// every unimodal, bimodal, … interaction. The projection keeps 3–4 modalities tractable.
/// </summary>
internal sealed class TensorFusion : FusionLayer
{
    /// <summary>Larger fused vectors make the head's first layer too big to train on the CPU.</summary>
    public const long MaximumOutputSize = 1L << 17;

    private readonly ModuleList<Linear> projections;
    private readonly long _outputSize;

    public TensorFusion(int modalities, int hidden, int size) : base("tensor")
    {
        var output = Math.Pow(size + 1, modalities);
        if (output > MaximumOutputSize)
            throw new ArgumentException($"Tensor fusion of {modalities} modalities at fusion size {size} gives {output} values " +
                $"(at most {MaximumOutputSize}); lower the fusion size or use joint-lowrank.");
        _outputSize = (long)output;
        projections = nn.ModuleList(Enumerable.Range(0, modalities).Select(_ => nn.Linear(hidden, size)).ToArray());
        RegisterComponents();
    }

    public override long OutputSize => _outputSize;

    public override Tensor forward(Tensor hidden, Tensor present)
    {
        var product = WithOne(projections[0].forward(Modality(hidden, 0)));
        for (var m = 1; m < projections.Count; m++)
        {
            var z = WithOne(projections[m].forward(Modality(hidden, m)));
            product = (product.unsqueeze(2) * z.unsqueeze(1)).flatten(1);
        }
        return product;
    }
}
