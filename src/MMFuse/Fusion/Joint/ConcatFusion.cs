using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary><c>joint-concat</c>: the modality hidden vectors side by side.</summary>
internal sealed class ConcatFusion : FusionLayer
{
    private readonly long _outputSize;

    public ConcatFusion(int modalities, int hidden) : base("concat")
    {
        _outputSize = (long)modalities * hidden;
        RegisterComponents();
    }

    public override long OutputSize => _outputSize;

    public override Tensor forward(Tensor hidden, Tensor present) => hidden.flatten(1);
}
