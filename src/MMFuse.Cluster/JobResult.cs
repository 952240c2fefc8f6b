namespace MMFuse.Cluster;

/// <summary>A job's outcome as it travels back: the fold's scores and test predictions, or the error it raised.</summary>
/// <param name="JobId">The request's id.</param>
/// <param name="Worker">The worker that ran it.</param>
/// <param name="Scores">Metric name → value; empty on error.</param>
/// <param name="Predictions">Per test row, its probabilities (or value); empty on error.</param>
/// <param name="Subsets">Per test row, its presence subset under test-time missingness; else null.</param>
/// <param name="Seconds">Time the job computed on the worker (queueing excluded).</param>
/// <param name="Error">The job's own failure (bad input, a learner error): the same on any worker, so it is not retried.</param>
/// <param name="InputError">True when <paramref name="Error"/> is a bad-input message (an <c>MMFuseInputException</c>).</param>
[GenerateSerializer, Immutable]
public sealed record JobResult(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Worker,
    [property: Id(2)] Dictionary<string, double> Scores,
    [property: Id(3)] float[][] Predictions,
    [property: Id(4)] string[]? Subsets,
    [property: Id(5)] double Seconds,
    [property: Id(6)] string? Error = null,
    [property: Id(7)] bool InputError = false);
