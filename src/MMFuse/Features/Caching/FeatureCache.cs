using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace MMFuse.Features.Caching;

/// <summary>
/// A content-addressed store of feature vectors on disk, safe against a kill at any moment.
/// Each process appends to segment files of its own (never shared, never rewritten); every record carries a
/// checksum, so a record torn by a kill or damaged on disk is detected and treated as a miss. Opening scans
/// the record headers of every segment to build the in-memory index; no separate index file can go stale.
/// See docs/feature-cache.md for why this design.
/// A cache is an optimisation, so opened with <see cref="OpenOrBypass"/> it never stops a run: a folder that cannot
/// be used, or a write that fails (a full disk, a folder made read-only), gives one warning and the run goes on
/// computing features without storing them.
/// </summary>
public sealed class FeatureCache : IDisposable
{
    private const uint RecordMagic = 0x52464D4D; // "MMFR"
    private const int HeaderSize = 4 + 4 + FeatureKey.Size;
    private const int ChecksumSize = 8;
    private static readonly byte[] SegmentMagic = "MMFSEG01"u8.ToArray();

    /// <summary>The default bound on segment files open for reading at once, well under the usual <c>ulimit -n</c> of 1024.</summary>
    public const int DefaultMaxOpenSegments = 64;

    private readonly SegmentHandles _segments;
    private readonly Dictionary<FeatureKey, (int Segment, long Offset, int Dimension)> _index = [];
    private readonly Lock _lock = new();
    private FileStream? _writer;
    private int _writerSegment = -1;
    private long _hits;
    private long _misses;
    private long _damaged;
    private readonly Action<string>? _warn;
    private bool _writesFailed;

    /// <param name="folder">The cache folder, created when missing.</param>
    /// <param name="maxOpenSegments">How many segment files may be open for reading at once (least recently used closed first).</param>
    public FeatureCache(string folder, int maxOpenSegments = DefaultMaxOpenSegments) : this(folder, warn: null, usable: true, maxOpenSegments)
    {
    }

    private FeatureCache(string folder, Action<string>? warn, bool usable, int maxOpenSegments = DefaultMaxOpenSegments)
    {
        _segments = new SegmentHandles(maxOpenSegments);
        Folder = Path.GetFullPath(folder);
        _warn = warn;
        _writesFailed = !usable;
        if (!usable) return;
        Directory.CreateDirectory(Folder);
        foreach (var path in Directory.GetFiles(Folder, "*.seg").Order(StringComparer.Ordinal))
            Scan(path);
    }

    /// <summary>Opens the cache in <paramref name="folder"/>; when the folder cannot be created or read, calls
    /// <paramref name="warn"/> once and returns a cache that stores nothing (every lookup a miss). A later write
    /// failure also warns once and turns storing off.</summary>
    public static FeatureCache OpenOrBypass(string folder, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(warn);
        try { return new FeatureCache(folder, warn, usable: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn($"the feature cache folder '{folder}' cannot be used ({e.Message}); continuing without a cache");
            return new FeatureCache(folder, warn, usable: false);
        }
    }

    /// <summary>A cache that stores nothing: every lookup misses (for callers that must not write to disk).</summary>
    public static FeatureCache Bypass() => new(Path.GetTempPath(), warn: null, usable: false);

    /// <summary>The cache folder.</summary>
    public string Folder { get; }

    /// <summary>Lookups that found a valid vector.</summary>
    public long Hits => Interlocked.Read(ref _hits);
    /// <summary>Lookups that found nothing (or a damaged record).</summary>
    public long Misses => Interlocked.Read(ref _misses);
    /// <summary>Records found torn or damaged (on open or on read), each treated as absent.</summary>
    public long Damaged => Interlocked.Read(ref _damaged);
    /// <summary>Vectors in the index.</summary>
    public int Count { get { lock (_lock) return _index.Count; } }

    /// <summary>Segment files found or written.</summary>
    public int Segments { get { lock (_lock) return _segments.Count; } }

    /// <summary>Segment files open for reading now; at most the bound given to the constructor.</summary>
    public int OpenSegments { get { lock (_lock) return _segments.Open; } }

    /// <summary>The default location: MMFUSE_CACHE, else $XDG_CACHE_HOME/mmfuse, else ~/.cache/mmfuse.</summary>
    public static string DefaultFolder()
    {
        var configured = Environment.GetEnvironmentVariable("MMFUSE_CACHE");
        if (!string.IsNullOrEmpty(configured)) return configured;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "mmfuse");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "mmfuse");
    }

    /// <summary>Reads the vector stored under <paramref name="key"/>; false (a miss) when there is none or its record
    /// is torn or damaged.</summary>
    public bool TryGet(FeatureKey key, out float[] vector)
    {
        vector = [];
        (int Segment, long Offset, int Dimension) entry;
        byte[] record;
        var read = 0;
        lock (_lock)
        {
            if (!_index.TryGetValue(key, out entry))
            {
                _misses++;
                return false;
            }
            TryIo(() => _writer?.Flush());
            record = new byte[HeaderSize + entry.Dimension * sizeof(float) + ChecksumSize];
            // Under the lock: the handle may be closed by the next call to make room for another segment.
            try { read = RandomAccess.Read(_segments.Get(entry.Segment), record, entry.Offset); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { read = -1; } // deleted or unreadable: a miss
        }
        if (read != record.Length || !ChecksumMatches(record))
        {
            lock (_lock) { _index.Remove(key); _damaged++; _misses++; }
            return false;
        }
        vector = MemoryMarshal.Cast<byte, float>(record.AsSpan(HeaderSize, entry.Dimension * sizeof(float))).ToArray();
        Interlocked.Increment(ref _hits);
        return true;
    }

    /// <summary>Appends <paramref name="vector"/> under <paramref name="key"/> to this process's segment. A failed
    /// write in a cache opened with <see cref="OpenOrBypass"/> warns once and turns storing off; otherwise it
    /// throws.</summary>
    public void Put(FeatureKey key, ReadOnlySpan<float> vector)
    {
        var record = new byte[HeaderSize + vector.Length * sizeof(float) + ChecksumSize];
        BinaryPrimitives.WriteUInt32LittleEndian(record, RecordMagic);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(4), vector.Length);
        key.WriteTo(record.AsSpan(8));
        MemoryMarshal.AsBytes(vector).CopyTo(record.AsSpan(HeaderSize));
        Checksum(record.AsSpan(0, record.Length - ChecksumSize)).CopyTo(record.AsSpan(record.Length - ChecksumSize));
        lock (_lock)
        {
            var dimension = vector.Length;
            TryIo(() =>
            {
                EnsureWriter();
                var offset = _writer!.Position;
                _writer.Write(record);
                _index[key] = (_writerSegment, offset, dimension);
            });
        }
    }

    /// <summary>Runs a write-side step (under the lock); an I/O failure turns storing off with one warning, or, for a
    /// cache opened with the plain constructor (no one to warn), is thrown as before.</summary>
    private void TryIo(Action step)
    {
        if (_writesFailed) return;
        try { step(); }
        catch (Exception e) when (_warn is not null && e is IOException or UnauthorizedAccessException)
        {
            _writesFailed = true;
            try { _writer?.Dispose(); } catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
            _writer = null;
            _warn($"the feature cache folder '{Folder}' cannot be written ({e.Message}); continuing without storing features");
        }
    }

    /// <summary>Pushes appended records to the operating system (and the disk), so another process sees them.</summary>
    public void Flush()
    {
        lock (_lock) TryIo(() => _writer?.Flush(flushToDisk: true));
    }

    private void EnsureWriter()
    {
        if (_writer is not null) return;
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Environment.ProcessId}-{Guid.NewGuid():N}.seg";
        var path = Path.Combine(Folder, name);
        _writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
        _writer.Write(SegmentMagic);
        _writer.Flush();
        _writerSegment = _segments.Add(path);
    }

    /// <summary>Indexes one segment; its handle is closed afterwards and reopened on demand by <see cref="SegmentHandles"/>.</summary>
    private void Scan(string path)
    {
        SafeFileHandle handle;
        try { handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite); }
        catch (IOException) { return; }
        using (handle)
            ScanRecords(path, handle);
    }

    private void ScanRecords(string path, SafeFileHandle handle)
    {
        var length = RandomAccess.GetLength(handle);
        var magic = new byte[SegmentMagic.Length];
        if (length < magic.Length || RandomAccess.Read(handle, magic, 0) != magic.Length || !magic.AsSpan().SequenceEqual(SegmentMagic))
        {
            _damaged++;
            return;
        }
        var segment = _segments.Add(path);
        var header = new byte[HeaderSize];
        long offset = magic.Length;
        while (offset + HeaderSize + ChecksumSize <= length)
        {
            RandomAccess.Read(handle, header, offset);
            var dimension = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
            var end = offset + HeaderSize + (long)dimension * sizeof(float) + ChecksumSize;
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != RecordMagic || dimension < 0 || end > length)
            {
                _damaged++; // a torn tail (killed mid-write) or damage: nothing after it can be trusted
                break;
            }
            _index[FeatureKey.FromBytes(header.AsSpan(8))] = (segment, offset, dimension);
            offset = end;
        }
    }

    private static bool ChecksumMatches(byte[] record) =>
        Checksum(record.AsSpan(0, record.Length - ChecksumSize)).SequenceEqual(record.AsSpan(record.Length - ChecksumSize));

    private static byte[] Checksum(ReadOnlySpan<byte> data) => SHA256.HashData(data)[..ChecksumSize];

    /// <summary>Flushes and closes the segment files.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            TryIo(() => _writer?.Flush(flushToDisk: true));
            TryIo(() => _writer?.Dispose());
            _writer = null;
            _segments.Dispose();
        }
    }
}
