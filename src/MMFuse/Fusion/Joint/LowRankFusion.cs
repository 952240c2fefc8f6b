using MMFuse.Learners.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary>
/// <c>joint-lowrank</c>: low-rank multimodal fusion of Liu et al. (2018). The tensor-fusion weight is factorised
/// into r rank-one terms, so the outer product is never built: each modality's [h_m; 1] meets its own factors
/// (r × (hidden + 1) × out), the results are multiplied elementwise over the modalities, and the r terms are
/// summed with learned weights plus a bias. Initialised as in the authors' code (Xavier normal, zero bias).
/// </summary>
internal sealed class LowRankFusion : FusionLayer
{
    private readonly ParameterList factors;
    private readonly Parameter rankWeights;
    private readonly Parameter bias;
    private readonly long _outputSize;

    public LowRankFusion(int modalities, int hidden, int rank, int output) : base("lowrank")
    {
        _outputSize = output;
        factors = new ParameterList();
        using (no_grad())
        {
            for (var m = 0; m < modalities; m++)
            {
                var factor = new Parameter(empty(rank, hidden + 1, output));
                nn.init.xavier_normal_(factor);
                factors.Add(factor);
            }
            rankWeights = new Parameter(empty(1, rank));
            nn.init.xavier_normal_(rankWeights);
            bias = new Parameter(zeros(1, output));
        }
        RegisterComponents();
    }

    public override long OutputSize => _outputSize;

    public override Tensor forward(Tensor hidden, Tensor present)
    {
        // [rows, hidden + 1] @ [rank, hidden + 1, out] broadcasts to [rank, rows, out].
        var product = WithOne(Modality(hidden, 0)).matmul(factors[0]);
        for (var m = 1; m < factors.Count; m++)
            product = product * WithOne(Modality(hidden, m)).matmul(factors[m]);
        // [1, rank] @ [rows, rank, out] → [rows, 1, out].
        return rankWeights.matmul(product.permute(1, 0, 2)).squeeze(1).add(bias, HeldScalars.One);
    }
}
