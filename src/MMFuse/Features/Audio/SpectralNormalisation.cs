namespace MMFuse.Features.Audio;

/// <summary>
/// Per-clip normalisation of a log-mel matrix. A different microphone, room or gain multiplies each band's power by
/// a constant, which in the log domain is a constant added to the band over the whole clip; subtracting each band's
/// mean over time removes it (cepstral/log-mel mean normalisation), and dividing by the band's standard deviation
/// also evens out how much steady noise has compressed the band's range (variance normalisation). Together: CMVN.
/// </summary>
public static class SpectralNormalisation
{
    /// <summary>Standard deviations below this (in nats) count as a constant band, which becomes all zeros.</summary>
    public const double MinStd = 1e-3;

    /// <summary>A new [frame][band] matrix, each band with mean 0 over time and (unless constant) standard deviation 1.</summary>
    public static float[][] MeanVariance(float[][] logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        var frames = logMel.Length;
        if (frames == 0)
            return [];
        var bands = logMel[0].Length;
        var result = new float[frames][];
        for (var t = 0; t < frames; t++)
            result[t] = new float[bands];
        for (var b = 0; b < bands; b++)
        {
            double sum = 0;
            for (var t = 0; t < frames; t++)
                sum += logMel[t][b];
            var mean = sum / frames;
            double squares = 0;
            for (var t = 0; t < frames; t++)
                squares += (logMel[t][b] - mean) * (logMel[t][b] - mean);
            var std = Math.Sqrt(squares / frames);
            var scale = std < MinStd ? 0 : 1 / std;
            for (var t = 0; t < frames; t++)
                result[t][b] = (float)((logMel[t][b] - mean) * scale);
        }
        return result;
    }
}
