namespace MMFuse.Features.Images;

/// <summary>Settings of the <c>color-hist</c> featuriser: bins per HSV axis.</summary>
public sealed record ColorHistogramOptions(int HueBins = 8, int SaturationBins = 4, int ValueBins = 4);
