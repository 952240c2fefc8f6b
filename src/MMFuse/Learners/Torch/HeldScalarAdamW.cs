using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MMFuse.Learners.Torch;

/// <summary>TorchSharp's AdamW (decoupled weight decay) with every Scalar held for its whole native call; see
/// <see cref="HeldScalars"/> for why.</summary>
internal sealed class HeldScalarAdamW(IEnumerable<Parameter> parameters, double lr, double weightDecay)
    : AdamW(parameters, lr, weight_decay: weightDecay)
{
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        var lr = options.LearningRate!.Value;
        using var shrink = (1 - lr * options.weight_decay!.Value).ToScalar();
        foreach (var param in group.Parameters)
        {
            var state = (State)_state[param.Handle];
            var grad = param.grad;
            if (grad is null)
                continue;
            state.step += 1;
            param.mul_(shrink);
            AdamUpdate.Apply(param, grad, state.exp_avg, state.exp_avg_sq, state.step,
                lr, options.beta1!.Value, options.beta2!.Value, options.eps!.Value);
        }
    }, closure);
}
