using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MMFuse.Learners.Torch;

/// <summary>
/// TorchSharp's Adam with its step rewritten so that no <see cref="Scalar"/> can be freed while libtorch reads it.
/// Why: TorchSharp 0.107's optimisers pass plain doubles where libtorch takes a Scalar (<c>mul_(beta1)</c>,
/// <c>addcmul_(…, value: 1 - beta2)</c>), and those temporaries can be freed by the collector while libtorch reads
/// them (see <see cref="HeldScalars"/>). Here every Scalar is created explicitly and disposed after its call. The
/// optimiser state and parameter groups are TorchSharp's own, so learning-rate schedulers work unchanged and the
/// arithmetic is that of TorchSharp's Adam.
/// </summary>
internal sealed class HeldScalarAdam(IEnumerable<Parameter> parameters, double lr, double weightDecay)
    : Adam(parameters, lr, weight_decay: weightDecay)
{
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        var weightDecay = options.weight_decay!.Value;
        using var decay = weightDecay.ToScalar();
        foreach (var param in group.Parameters)
        {
            var state = (State)_state[param.Handle];
            var grad = param.grad;
            if (grad is null)
                continue;
            state.step += 1;
            if (weightDecay != 0)
                grad = grad.add(param, alpha: decay);
            AdamUpdate.Apply(param, grad, state.exp_avg, state.exp_avg_sq, state.step,
                options.LearningRate!.Value, options.beta1!.Value, options.beta2!.Value, options.eps!.Value);
        }
    }, closure);
}
