using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Learners.Torch;

/// <summary>
/// The Adam moment update and parameter step shared by <see cref="HeldScalarAdam"/> and <see cref="HeldScalarAdamW"/>:
/// the arithmetic of TorchSharp's own Adam (no AMSGrad), with every <see cref="Scalar"/> held in a <c>using</c> until
/// its native call has returned (see <see cref="HeldScalars"/> for why).
/// </summary>
internal static class AdamUpdate
{
    /// <param name="param">The parameter, updated in place.</param>
    /// <param name="grad">Its gradient.</param>
    /// <param name="expAvg">The first-moment estimate, updated in place.</param>
    /// <param name="expAvgSq">The second-moment estimate, updated in place.</param>
    /// <param name="step">The parameter's step count after this step (1 on the first).</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="beta1">First-moment decay.</param>
    /// <param name="beta2">Second-moment decay.</param>
    /// <param name="eps">Added to the denominator.</param>
    public static void Apply(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, long step,
        double lr, double beta1, double beta2, double eps)
    {
        var biasCorrection1 = 1 - Math.Pow(beta1, step);
        var biasCorrection2 = 1 - Math.Pow(beta2, step);
        using var b1 = beta1.ToScalar();
        using var oneMinusB1 = (1 - beta1).ToScalar();
        using var b2 = beta2.ToScalar();
        using var oneMinusB2 = (1 - beta2).ToScalar();
        using var sqrtCorrection2 = Math.Sqrt(biasCorrection2).ToScalar();
        using var epsilon = eps.ToScalar();
        using var stepSize = (-lr / biasCorrection1).ToScalar();

        expAvg.mul_(b1).add_(grad, alpha: oneMinusB1);
        expAvgSq.mul_(b2).addcmul_(grad, grad.conj(), value: oneMinusB2);
        var denom = expAvgSq.sqrt().div_(sqrtCorrection2).add_(epsilon, HeldScalars.One);
        param.addcdiv_(expAvg, denom, value: stepSize);
    }
}
