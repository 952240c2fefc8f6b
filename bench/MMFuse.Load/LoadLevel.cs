namespace MMFuse.Load;

/// <summary>One measured level: a model, a server setting and a number of concurrent clients.</summary>
internal sealed record LoadLevel(string Model, int MaxBatch, int Clients, double Seconds, int Requests, int Errors,
    double Throughput, double P50Ms, double P95Ms, double P99Ms, double RssBeforeMiB, double RssAfterMiB);
