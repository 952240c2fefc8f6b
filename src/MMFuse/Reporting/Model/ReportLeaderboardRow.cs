namespace MMFuse.Reporting;

/// <summary>One strategy's cross-validated scores; <paramref name="Seconds"/> is its wall-clock time.</summary>
public sealed record ReportLeaderboardRow(
    string Strategy,
    string Fusion,
    string[] Modalities,
    ReportMetric[] Metrics,
    double Seconds);
