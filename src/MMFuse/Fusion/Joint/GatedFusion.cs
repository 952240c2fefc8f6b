using MMFuse.Learners.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary>
/// <c>joint-gated</c>: the gated multimodal unit of Arevalo et al. (2017). Each modality gives a candidate
/// h_m = tanh(W_m x_m); a gate computed from all inputs, z = gate(W_z [x_1; …; x_M]), mixes them per dimension:
/// h = Σ z_m ⊙ h_m. With two modalities the gate is the paper's sigmoid (z and 1 − z); with one or more than two it
/// is a softmax over the modalities per dimension, the usual generalisation that keeps the weights summing to 1.
/// </summary>
internal sealed class GatedFusion : FusionLayer
{
    private readonly ModuleList<Linear> candidates;
    private readonly Linear gate;
    private readonly int _modalities;
    private readonly int _hidden;

    public GatedFusion(int modalities, int hidden) : base("gated")
    {
        (_modalities, _hidden) = (modalities, hidden);
        candidates = nn.ModuleList(Enumerable.Range(0, modalities).Select(_ => nn.Linear(hidden, hidden, hasBias: false)).ToArray());
        gate = nn.Linear((long)modalities * hidden, modalities == 2 ? hidden : (long)modalities * hidden, hasBias: false);
        RegisterComponents();
    }

    public override long OutputSize => _hidden;

    public override Tensor forward(Tensor hidden, Tensor present)
    {
        var h = stack(Enumerable.Range(0, _modalities).Select(m => candidates[m].forward(Modality(hidden, m)).tanh()), 1);
        var logits = gate.forward(hidden.flatten(1));
        if (_modalities == 2)
        {
            var z = logits.sigmoid();
            // z h₀ + (1 − z) h₁, with no Scalar that TorchSharp would make and the collector could free mid-call.
            var oneMinusZ = z.neg().add_(HeldScalars.One, HeldScalars.One);
            return (z * h.select(1, 0)).add(oneMinusZ * h.select(1, 1), HeldScalars.One);
        }
        var weights = logits.view(-1, _modalities, _hidden).softmax(1);
        return (weights * h).sum(1);
    }
}
