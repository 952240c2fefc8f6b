using Microsoft.Win32.SafeHandles;

namespace MMFuse.Features.Caching;

/// <summary>
/// Read handles to a cache's segment files, at most <see cref="Capacity"/> open at once (least recently used closed
/// first). A cache grows a segment per writing process, so holding one handle per segment ran past the process's
/// open-file limit (<c>ulimit -n</c>) and crashed. Not thread-safe: the cache calls it under its lock.
/// </summary>
internal sealed class SegmentHandles(int capacity) : IDisposable
{
    private readonly List<string> _paths = [];
    private readonly Dictionary<int, LinkedListNode<(int Segment, SafeFileHandle Handle)>> _open = [];
    private readonly LinkedList<(int Segment, SafeFileHandle Handle)> _recent = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count => _paths.Count;

    /// <summary>How many handles are open now; never more than <see cref="Capacity"/>.</summary>
    public int Open => _open.Count;

    /// <summary>Registers a segment without opening it; returns its number.</summary>
    public int Add(string path)
    {
        _paths.Add(path);
        return _paths.Count - 1;
    }

    /// <summary>An open handle to the segment, valid until the next call; throws IOException if the file is gone.</summary>
    public SafeFileHandle Get(int segment)
    {
        if (_open.TryGetValue(segment, out var node))
        {
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Handle;
        }
        if (_open.Count >= Capacity)
        {
            var last = _recent.Last!;
            _recent.RemoveLast();
            _open.Remove(last.Value.Segment);
            last.Value.Handle.Dispose();
        }
        var handle = File.OpenHandle(_paths[segment], FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        _open[segment] = _recent.AddFirst((segment, handle));
        return handle;
    }

    public void Dispose()
    {
        foreach (var (_, handle) in _recent)
            handle.Dispose();
        _recent.Clear();
        _open.Clear();
    }
}
