namespace MMFuse.Features.Audio;

/// <summary>
/// Per-channel energy normalisation settings (Wang et al. 2017), with librosa.pcen's defaults and names. The smoother's
/// weight b comes from <see cref="TimeConstant"/> and the frame rate as librosa computes it:
/// t = TimeConstant × rate / hop, b = (√(1 + 4t²) − 1) / (2t²).
/// </summary>
/// <param name="Gain">Exponent α of the smoothed energy the frame is divided by (0.98: almost full gain normalisation).</param>
/// <param name="Bias">Offset δ added before compression.</param>
/// <param name="Power">Compression exponent r (0.5: square root).</param>
/// <param name="TimeConstant">Seconds over which the smoother follows the energy.</param>
/// <param name="Eps">Keeps the division finite on silence.</param>
/// <param name="StartAtFirstFrame">Start the smoother at each band's first frame (librosa's <c>zi</c> scaled by it)
/// rather than at 1 (librosa's default <c>zi</c>), so a clip's first 0.4 s are not read as a loud onset.</param>
public sealed record PcenOptions(double Gain = 0.98, double Bias = 2, double Power = 0.5, double TimeConstant = 0.4, double Eps = 1e-6,
    bool StartAtFirstFrame = true)
{
    /// <summary>The smoother's weight for frames <paramref name="hopSeconds"/> apart.</summary>
    public double SmootherWeight(double hopSeconds)
    {
        var t = TimeConstant / hopSeconds;
        return (Math.Sqrt(1 + 4 * t * t) - 1) / (2 * t * t);
    }
}
