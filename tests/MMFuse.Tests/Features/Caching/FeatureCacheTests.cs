using MMFuse.Features;
using MMFuse.Features.Caching;

namespace MMFuse.Tests.Features.Caching;

public sealed class FeatureCacheTests
{
    private static readonly ExtractorSignature Extractor = new("pixels", "1", "", 3);

    private static FeatureKey Key(string content) => FeatureKey.For(FeatureKey.HashText(content), Extractor);

    [Fact]
    public void Vectors_survive_a_new_process_opening_the_folder()
    {
        using var dir = new TempDirectory();
        using (var cache = new FeatureCache(dir.Path))
        {
            cache.Put(Key("a"), [1f, 2f, 3f]);
            cache.Put(Key("b"), [4f, float.NaN, -0f]);
            Assert.True(cache.TryGet(Key("a"), out var same));
            Assert.Equal([1f, 2f, 3f], same);
        }
        using var reopened = new FeatureCache(dir.Path);
        Assert.Equal(2, reopened.Count);
        Assert.True(reopened.TryGet(Key("b"), out var b));
        Assert.Equal(BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(b[2]));
        Assert.True(float.IsNaN(b[1]));
        Assert.False(reopened.TryGet(Key("c"), out _));
        Assert.Equal((1L, 1L), (reopened.Hits, reopened.Misses));
    }

    [Fact]
    public void The_key_depends_on_content_and_extractor_not_on_where_the_file_is()
    {
        var content = FeatureKey.HashContent([1, 2, 3]);
        Assert.Equal(FeatureKey.For(content, Extractor), FeatureKey.For(FeatureKey.HashContent([1, 2, 3]), Extractor));
        Assert.NotEqual(FeatureKey.For(content, Extractor), FeatureKey.For(FeatureKey.HashContent([1, 2, 4]), Extractor));
        Assert.NotEqual(FeatureKey.For(content, Extractor), FeatureKey.For(content, Extractor with { Version = "2" }));
        Assert.NotEqual(FeatureKey.For(content, Extractor), FeatureKey.For(content, Extractor with { ModelHash = "abc" }));
        Assert.NotEqual(FeatureKey.For(content, Extractor), FeatureKey.For(content, Extractor, augmentation: 1));
    }

    [Fact]
    public void A_segment_torn_by_a_kill_mid_write_loses_only_the_torn_record()
    {
        using var dir = new TempDirectory();
        using (var cache = new FeatureCache(dir.Path))
            for (var i = 0; i < 3; i++)
                cache.Put(Key(i.ToString()), [i, i, i]);
        var segment = Assert.Single(Directory.GetFiles(dir.Path, "*.seg"));
        using (var file = new FileStream(segment, FileMode.Open))
            file.SetLength(file.Length - 5); // as if the process died while writing the last record

        using var reopened = new FeatureCache(dir.Path);
        Assert.True(reopened.TryGet(Key("0"), out var first));
        Assert.Equal([0f, 0f, 0f], first);
        Assert.True(reopened.TryGet(Key("1"), out _));
        Assert.False(reopened.TryGet(Key("2"), out _));
        Assert.Equal(1, reopened.Damaged);

        reopened.Put(Key("2"), [2f, 2f, 2f]); // appended to a new segment; the torn one is never rewritten
        Assert.True(reopened.TryGet(Key("2"), out var again));
        Assert.Equal([2f, 2f, 2f], again);
    }

    [Fact]
    public void A_damaged_payload_fails_its_checksum_and_reads_as_a_miss()
    {
        using var dir = new TempDirectory();
        using (var cache = new FeatureCache(dir.Path))
            cache.Put(Key("x"), [1f, 2f, 3f]);
        var segment = Directory.GetFiles(dir.Path, "*.seg")[0];
        var bytes = File.ReadAllBytes(segment);
        bytes[^12] ^= 0xFF; // inside the payload
        File.WriteAllBytes(segment, bytes);

        using var reopened = new FeatureCache(dir.Path);
        Assert.False(reopened.TryGet(Key("x"), out _));
        Assert.Equal(1, reopened.Damaged);
    }

    [Fact]
    public void A_file_that_is_not_a_segment_is_ignored()
    {
        using var dir = new TempDirectory();
        dir.Write("junk.seg", "not a cache segment");
        using var cache = new FeatureCache(dir.Path);
        Assert.Equal(0, cache.Count);
        cache.Put(Key("y"), [1f, 1f, 1f]);
        Assert.True(cache.TryGet(Key("y"), out _));
    }
}
