namespace MMFuse.Features.Audio;

/// <summary>
/// Per-channel energy normalisation of a mel energy matrix (frames × bands), as librosa.pcen computes it with
/// <c>max_size = 1</c>: each band's energy E is smoothed over time, M_t = (1 − b) M_{t−1} + b E_t, and the frame is
/// divided by that smoothed level and compressed, PCEN = δ^r ((1 + E / (ε + M)^α / δ)^r − 1) (evaluated in log space
/// as librosa does). A stationary background in a band is divided away, while onsets stand out; unlike a log
/// compression it needs no floor. Checked against librosa's formulas in <c>tools/reference/pcen_reference.py</c>.
/// </summary>
public static class Pcen
{
    /// <param name="energy">Mel energies (not logarithms), frames × bands, all ≥ 0.</param>
    /// <param name="hopSeconds">Seconds between frames (0.01 for the default front end).</param>
    /// <param name="options">librosa's parameters.</param>
    public static float[][] Apply(float[][] energy, double hopSeconds, PcenOptions options)
    {
        ArgumentNullException.ThrowIfNull(energy);
        ArgumentNullException.ThrowIfNull(options);
        if (energy.Length == 0)
            return [];
        var bands = energy[0].Length;
        var b = options.SmootherWeight(hopSeconds);
        var (gain, bias, power, eps) = (options.Gain, options.Bias, options.Power, options.Eps);
        var output = energy.Select(_ => new float[bands]).ToArray();
        for (var c = 0; c < bands; c++)
        {
            // librosa's default initial state is the steady state of a unit input; scaled by the first frame it starts level.
            double smooth = options.StartAtFirstFrame ? energy[0][c] : 1;
            for (var t = 0; t < energy.Length; t++)
            {
                double e = energy[t][c];
                smooth = (1 - b) * smooth + b * e;
                var normaliser = Math.Exp(-gain * (Math.Log(eps) + Math.Log(1 + smooth / eps)));
                output[t][c] = (float)(Math.Pow(bias, power) * (Math.Exp(power * Math.Log(1 + e * normaliser / bias)) - 1));
            }
        }
        return output;
    }
}
