using MMFuse.Learners.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary>The small building blocks of a joint network. Weights come from libtorch's global generator, so build
/// inside <see cref="TorchRuntime.Train"/>; dropout draws from the training's generator.</summary>
internal static class JointLayers
{
    /// <summary>One modality's encoder: linear → activation → [dropout]. Its first layer is named "linear".</summary>
    public static nn.Module<Tensor, Tensor> Encoder(int inputs, int hidden, string activation, double dropout, Generator? generator) =>
        Block(nn.Linear(inputs, hidden), activation, dropout, generator, []);

    /// <summary>The head: linear → activation → [dropout] → linear to the outputs (logits, or one value).</summary>
    public static nn.Module<Tensor, Tensor> Head(long inputs, int hidden, int outputs, string activation, double dropout, Generator? generator) =>
        Block(nn.Linear(inputs, hidden), activation, dropout, generator, [("output", nn.Linear(hidden, outputs))]);

    public static FusionLayer Fusion(JointArchitecture a) => a.Kind switch
    {
        JointKind.Concat => new ConcatFusion(a.Modalities, a.Hidden),
        JointKind.Gated => new GatedFusion(a.Modalities, a.Hidden),
        JointKind.Attention => new AttentionFusion(a.Modalities, a.Hidden, a.Heads, a.Dropout),
        JointKind.Tensor => new TensorFusion(a.Modalities, a.Hidden, a.FusionSize),
        JointKind.LowRank => new LowRankFusion(a.Modalities, a.Hidden, a.Rank, a.Hidden),
        _ => throw new ArgumentOutOfRangeException(nameof(a), a.Kind, "Unknown joint fusion kind."),
    };

    private static nn.Module<Tensor, Tensor> Block(nn.Module<Tensor, Tensor> linear, string activation, double dropout,
        Generator? generator, IEnumerable<(string, nn.Module<Tensor, Tensor>)> tail)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("linear", linear),
            ("act", MlpArchitecture.NormaliseActivation(activation) switch
            {
                "relu" => nn.ReLU(),
                "gelu" => nn.GELU(),
                _ => nn.Tanh(),
            }),
        };
        if (dropout > 0)
            layers.Add(("dropout", new SeededDropout(dropout, generator)));
        layers.AddRange(tail);
        return nn.Sequential(layers);
    }
}
