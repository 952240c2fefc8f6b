namespace MMFuse.Features.Extraction;

/// <summary>
/// Extractors kept alive between extraction runs, by what they were made with (kind, name, limits), so a model that
/// predicts again and again — a server — loads its encoders (ONNX sessions of tens of megabytes) once instead of on
/// every call. One run at a time holds the pool (<see cref="TryAcquire"/>): a concurrent run makes its own extractors,
/// exactly as without a pool, so sharing never puts two runs on one extractor.
/// </summary>
internal sealed class ExtractorPool : IDisposable
{
    private readonly Dictionary<string, IDisposable> _extractors = new(StringComparer.Ordinal);
    private int _held;
    private bool _disposed;

    /// <summary>True when the caller now holds the pool and must <see cref="Release"/> it; false when another run does.</summary>
    public bool TryAcquire() => !_disposed && Interlocked.CompareExchange(ref _held, 1, 0) == 0;

    public void Release() => Volatile.Write(ref _held, 0);

    /// <summary>The extractor made for <paramref name="key"/>, creating it on first use; only the holder calls this.</summary>
    public T Get<T>(string key, Func<T> create) where T : class, IDisposable
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_extractors.TryGetValue(key, out var existing))
            return (T)existing;
        var extractor = create();
        _extractors[key] = extractor;
        return extractor;
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        foreach (var extractor in _extractors.Values)
            extractor.Dispose();
        _extractors.Clear();
    }
}
