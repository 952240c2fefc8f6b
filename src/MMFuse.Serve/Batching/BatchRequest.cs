namespace MMFuse.Serve.Batching;

/// <summary>One request's rows waiting for the batcher, and where its predictions (or its failure) go.</summary>
internal sealed class BatchRequest(IReadOnlyList<MultimodalRow> rows, bool explain)
{
    public IReadOnlyList<MultimodalRow> Rows { get; } = rows;

    /// <summary>The caller asked for contributions (POST /v1/explain).</summary>
    public bool Explain { get; } = explain;

    /// <summary>Completed by the batcher's thread; continuations run elsewhere so they never hold up the next batch.</summary>
    public TaskCompletionSource<IReadOnlyList<Prediction>> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
