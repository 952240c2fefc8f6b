using MMFuse.Data;

namespace MMFuse.Features.Augmentation;

/// <summary>
/// Speed perturbation (Ko et al. 2015, Kaldi's <c>speed</c>): each training clip is played faster or slower by a factor
/// drawn uniformly in [<paramref name="Min"/>, <paramref name="Max"/>], which changes tempo and pitch together (a factor
/// of 1.1 makes the clip 1/1.1 as long and every frequency 1.1 times higher), as a different speaker or a different
/// speaking rate does. Both ends are positive; 0.9..1.1 is the usual range.
/// </summary>
/// <param name="Min">The slowest factor (below 1: longer and lower).</param>
/// <param name="Max">The fastest factor (above 1: shorter and higher).</param>
public sealed record SpeedRange(double Min, double Max)
{
    /// <summary>The widest factor accepted either way: beyond ×2 or ×0.5 a clip is no longer a plausible recording of itself.</summary>
    public const double Limit = 2;

    /// <summary>Throws when the range is empty, not positive or wider than ×0.5..×2.</summary>
    public void Validate()
    {
        if (!(Min > 0 && Min <= Max && double.IsFinite(Max) && Min >= 1 / Limit && Max <= Limit))
            throw new MMFuseInputException($"AudioAugmentationOptions.Speed: [{Min}, {Max}] is not a range of speed factors from {1 / Limit} to {Limit}, e.g. 0.9..1.1");
    }
}
