using MMFuse.Features;
using MMFuse.Features.Caching;

namespace MMFuse.Tests.Features.Caching;

/// <summary>A cache that cannot be used, or stops being writable, warns once and stores nothing; it never fails a run.
/// Tests run as root, which ignores permissions, so the folder is made unusable by putting a regular file in its way.</summary>
public sealed class FeatureCacheBypassTests : IDisposable
{
    private static readonly ExtractorSignature Extractor = new("pixels", "1", "", 3);
    private readonly TempDirectory _dir = new();
    private readonly List<string> _warnings = [];

    public void Dispose() => _dir.Dispose();

    private static FeatureKey Key(string content) => FeatureKey.For(FeatureKey.HashText(content), Extractor);

    [Fact]
    public void Folder_that_cannot_be_created_gives_one_warning_and_a_cache_that_stores_nothing()
    {
        var blocker = _dir.Write("blocker", "a file, not a folder");
        using (var cache = FeatureCache.OpenOrBypass(Path.Combine(blocker, "cache"), _warnings.Add))
        {
            cache.Put(Key("a"), [1f, 2f, 3f]);
            cache.Put(Key("b"), [1f, 2f, 3f]);
            Assert.False(cache.TryGet(Key("a"), out _));
            cache.Flush();
        }
        var warning = Assert.Single(_warnings);
        Assert.Contains($"the feature cache folder '{Path.Combine(blocker, "cache")}' cannot be used", warning);
        Assert.Contains("continuing without a cache", warning);
    }

    [Fact]
    public void Write_failure_after_opening_gives_one_warning_and_the_run_goes_on()
    {
        var folder = _dir.File("cache");
        using (var cache = FeatureCache.OpenOrBypass(folder, _warnings.Add))
        {
            Assert.Empty(_warnings);
            Directory.Delete(folder);
            File.WriteAllText(folder, "the folder is gone"); // every write into it now fails
            cache.Put(Key("a"), [1f, 2f, 3f]);
            cache.Put(Key("b"), [4f, 5f, 6f]);
            Assert.False(cache.TryGet(Key("a"), out _));
            cache.Flush();
        }
        var warning = Assert.Single(_warnings);
        Assert.Contains("cannot be written", warning);
        Assert.Contains("continuing without storing features", warning);
    }
}
