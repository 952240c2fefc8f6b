using MMFuse.Learners.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary>
/// <c>joint-attention</c>: each modality's hidden vector plus a learned modality-type embedding is a token; one
/// transformer-encoder layer lets the tokens attend to each other, with absent modalities masked out as keys
/// (key padding mask); the output is the mean of the present tokens. A row with every modality absent attends
/// over all the tokens (its absent embeddings) instead, since attention over no key is undefined.
/// </summary>
internal sealed class AttentionFusion : FusionLayer
{
    private readonly Parameter typeEmbedding;
    private readonly TransformerEncoderLayer encoder;
    private readonly int _hidden;

    public AttentionFusion(int modalities, int hidden, int heads, double dropout) : base("attention")
    {
        _hidden = hidden;
        typeEmbedding = new Parameter(empty(modalities, hidden));
        using (no_grad())
            nn.init.normal_(typeEmbedding, 0, 0.02);
        encoder = nn.TransformerEncoderLayer(hidden, heads, 2L * hidden, dropout);
        RegisterComponents();
    }

    public override long OutputSize => _hidden;

    public override Tensor forward(Tensor hidden, Tensor present)
    {
        // Rows with nothing present fall back to attending over every token.
        var attend = present.logical_or(present.any(1, keepdim: true).logical_not());
        // libtorch's C++ transformer layer is sequence-first: [modalities, rows, hidden]; true in the mask = ignore.
        var tokens = hidden.add(typeEmbedding, HeldScalars.One).transpose(0, 1);
        var output = ((nn.IModule<Tensor, Tensor, Tensor, Tensor>)encoder).call(tokens, null!, attend.logical_not()).transpose(0, 1);
        var weights = attend.to_type(hidden.dtype).unsqueeze(2);
        return (output * weights).sum(1) / weights.sum(1);
    }
}
