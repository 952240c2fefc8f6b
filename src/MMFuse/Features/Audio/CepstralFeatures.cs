using NWaves.FeatureExtractors.Base;
using NWaves.Transforms;

namespace MMFuse.Features.Audio;

/// <summary>
/// MFCCs as the orthonormal DCT-II of the log-mel frames (NWaves <see cref="Dct2.DirectNorm"/>, the same
/// transform NWaves' MfccExtractor applies with DctType "2N"), with no liftering and c0 kept. Computing them
/// from the log-mel matrix we already have avoids running the FFT and filterbank twice.
/// Deltas: NWaves <see cref="FeaturePostProcessing.AddDeltas"/>, d_t = Σ_{n=1..N} n (c_{t+n} − c_{t−n}) / (2 Σ n²),
/// with the first and last frames repeated at the edges.
/// </summary>
internal static class CepstralFeatures
{
    public const int DeltaWindow = 2;

    /// <summary>Returns [frame][2 × count]: the first <paramref name="count"/> MFCCs, then their deltas.</summary>
    public static float[][] MfccWithDeltas(float[][] logMel, int count)
    {
        var bands = logMel[0].Length;
        var dct = new Dct2(bands);
        var frames = new List<float[]>(logMel.Length);
        foreach (var frame in logMel)
        {
            // NWaves' matrix DCT computes only as many outputs as the destination holds: 20 of 64 rows.
            var mfcc = new float[count];
            dct.DirectNorm(frame, mfcc);
            frames.Add(mfcc);
        }
        FeaturePostProcessing.AddDeltas(frames, includeDeltaDelta: false, N: DeltaWindow);
        return [.. frames];
    }
}
