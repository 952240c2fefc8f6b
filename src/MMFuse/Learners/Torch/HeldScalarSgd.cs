using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MMFuse.Learners.Torch;

/// <summary>TorchSharp's SGD (plain, momentum or Nesterov; zero dampening) with every Scalar held for its whole
/// native call; see <see cref="HeldScalars"/> for why.</summary>
internal sealed class HeldScalarSgd(IEnumerable<Parameter> parameters, double lr, double momentum, double weightDecay, bool nesterov)
    : SGD(parameters, lr, momentum: momentum, weight_decay: weightDecay, nesterov: nesterov)
{
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        var momentum = options.momentum!.Value;
        var weightDecay = options.weight_decay!.Value;
        using var decay = weightDecay.ToScalar();
        using var beta = momentum.ToScalar();
        using var keep = (1 - options.dampening!.Value).ToScalar();
        using var descent = (-options.LearningRate!.Value).ToScalar();
        foreach (var param in group.Parameters)
        {
            var state = (State)_state[param.Handle];
            var grad = param.grad;
            if (grad is null)
                continue;
            if (weightDecay != 0)
                grad = grad.add(param, alpha: decay);
            if (momentum != 0)
            {
                if (state.momentum_buffer is null)
                    state.momentum_buffer = grad.clone().detach().DetachFromDisposeScope();
                else
                    state.momentum_buffer.mul_(beta).add_(grad, alpha: keep);
                grad = options.nesterov!.Value ? grad.add(state.momentum_buffer, alpha: beta) : state.momentum_buffer;
            }
            param.add_(grad, alpha: descent);
        }
    }, closure);
}
