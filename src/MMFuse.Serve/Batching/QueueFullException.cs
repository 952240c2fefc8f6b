namespace MMFuse.Serve.Batching;

/// <summary>The batcher's queue is full (or closed for shutdown): the request is answered 503 rather than waiting without bound.</summary>
internal sealed class QueueFullException(string message) : Exception(message);
