using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Learners.Torch;

/// <summary>
/// Dropout whose masks come from a given generator instead of libtorch's global one, so that trainings on several
/// threads do not interleave their draws (see <see cref="TorchRuntime.Train"/>). Inverted dropout like
/// <c>nn.Dropout</c>: kept values are scaled by 1/(1−p) in training, the identity in eval. Without a generator
/// (a model loaded for prediction) it falls back to libtorch's dropout. It has no parameters, so saved weights are
/// the same as with <c>nn.Dropout</c>.
/// </summary>
internal sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    private readonly double _p;
    private readonly Generator? _generator;

    public SeededDropout(double p, Generator? generator) : base("dropout")
    {
        if (p is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout must be in [0, 1).");
        _p = p;
        _generator = generator;
    }

    public override Tensor forward(Tensor input)
    {
        if (!training || _p == 0)
            return input.alias();
        if (_generator is null)
            return nn.functional.dropout(input, _p, training: true);
        // Scalars held until their calls return: a temporary one could be freed mid-call (see HeldScalars).
        using var p = _p.ToScalar();
        using var kept = (1 - _p).ToScalar();
        var keep = rand(input.shape, dtype: input.dtype, generator: _generator).ge_(p);
        return (input * keep).div(kept);
    }
}
