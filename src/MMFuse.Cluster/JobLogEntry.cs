namespace MMFuse.Cluster;

/// <summary>One job answer the client received.</summary>
/// <param name="Strategy">The strategy's leaderboard name.</param>
/// <param name="Fold">The fold's index.</param>
/// <param name="Worker">Where it ran.</param>
/// <param name="Seconds">Its computing time there.</param>
/// <param name="Counted">False for a second answer to a job already answered (a retried job whose first worker was slow, not dead): ignored.</param>
public sealed record JobLogEntry(string Strategy, int Fold, string Worker, double Seconds, bool Counted);
