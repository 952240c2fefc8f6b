using MMFuse.Features;
using MMFuse.Features.Caching;

namespace MMFuse.Tests.Features.Caching;

/// <summary>Every writing process adds a segment; reading many segments must not hold a file open per segment.</summary>
public sealed class SegmentHandlesTests
{
    private const int SegmentCount = 300;
    private static readonly ExtractorSignature Extractor = new("pixels", "1", "", 2);

    private static FeatureKey Key(int i) => FeatureKey.For(FeatureKey.HashText("row " + i), Extractor);

    /// <summary>
    /// One segment per cache instance, as when 300 runs each computed one new vector. Each is written in a folder of
    /// its own and moved in, so that the test does not also pay for 300 caches scanning ever more segments.
    /// </summary>
    private static void WriteSegments(string folder)
    {
        for (var i = 0; i < SegmentCount; i++)
        {
            var own = Path.Combine(folder, "writer-" + i);
            using (var cache = new FeatureCache(own))
                cache.Put(Key(i), [i, -i]);
            foreach (var segment in Directory.GetFiles(own, "*.seg"))
                File.Move(segment, Path.Combine(folder, Path.GetFileName(segment)));
        }
    }

    /// <summary>File descriptors of this process that point into <paramref name="folder"/> (/proc/self/fd: MMFuse runs on Linux).</summary>
    private static int OpenFilesIn(string folder) =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(fd => { try { return fd.LinkTarget?.StartsWith(folder + "/", StringComparison.Ordinal) == true; } catch (IOException) { return false; } });

    [Fact]
    public void Reading_300_segments_keeps_the_open_handles_bounded()
    {
        using var dir = new TempDirectory();
        WriteSegments(dir.Path);
        Assert.Equal(SegmentCount, Directory.GetFiles(dir.Path, "*.seg").Length);

        using var cache = new FeatureCache(dir.Path);
        Assert.Equal(SegmentCount, cache.Segments);
        var afterOpen = OpenFilesIn(dir.Path);
        for (var i = 0; i < SegmentCount; i++)
        {
            Assert.True(cache.TryGet(Key(i), out var vector));
            Assert.Equal([i, -i], vector);
        }
        var afterReads = OpenFilesIn(dir.Path);

        Assert.True(afterOpen <= 1, $"{afterOpen} files open after opening the cache");
        Assert.InRange(afterReads, 1, FeatureCache.DefaultMaxOpenSegments);
        Assert.Equal(FeatureCache.DefaultMaxOpenSegments, cache.OpenSegments);
    }

    [Fact]
    public void A_small_bound_still_reads_every_vector_and_writes_beside_them()
    {
        using var dir = new TempDirectory();
        WriteSegments(dir.Path);
        using var cache = new FeatureCache(dir.Path, maxOpenSegments: 4);
        cache.Put(Key(-1), [7, 8]);
        for (var round = 0; round < 2; round++)
            for (var i = -1; i < SegmentCount; i++)
                Assert.True(cache.TryGet(Key(i), out _));
        Assert.Equal(4, cache.OpenSegments);
        Assert.Equal(SegmentCount + 1, cache.Segments);
        Assert.Equal((2L * (SegmentCount + 1), 0L), (cache.Hits, cache.Misses));
    }
}
