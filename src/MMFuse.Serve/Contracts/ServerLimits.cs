namespace MMFuse.Serve.Contracts;

/// <summary>What the server accepts: a client can size its requests from these.</summary>
public sealed record ServerLimits(int MaxBatch, long MaxRequestBytes, int MaxRowsPerRequest, long MaxImagePixels, double MaxAudioSeconds, bool PathsAllowed);
