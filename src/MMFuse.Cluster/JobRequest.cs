namespace MMFuse.Cluster;

/// <summary>One (strategy, fold) job. The data and the plan (folds, settings, strategy recipe) were shipped before as
/// content-addressed blobs; the job names them by hash, so a retried job on another worker computes the same thing.</summary>
/// <param name="JobId">Unique within the client's run; results are keyed by it, so a job re-run elsewhere is never counted twice.</param>
/// <param name="ClientId">The client's lease: when it stops renewing, the worker drops the client's queued jobs.</param>
/// <param name="DataHash">SHA-256 of the encoded features and targets.</param>
/// <param name="PlanHash">SHA-256 of the encoded folds, settings and strategy recipe.</param>
/// <param name="Strategy">Index into the recipe's strategies.</param>
/// <param name="Fold">Index into the plan's folds.</param>
[GenerateSerializer, Immutable]
public sealed record JobRequest(
    [property: Id(0)] string JobId,
    [property: Id(1)] Guid ClientId,
    [property: Id(2)] string DataHash,
    [property: Id(3)] string PlanHash,
    [property: Id(4)] int Strategy,
    [property: Id(5)] int Fold);
