using MMFuse.Bundle;
using MMFuse.Data;

namespace MMFuse.Tests.Bundle;

/// <summary>A model file cannot make loading allocate or inflate more than <see cref="ModelFileLimits"/> allow.</summary>
public sealed class ModelFileLimitsTests : IDisposable
{
    private const long Bomb = 200L << 20;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Model_json_that_inflates_to_200_MB_is_refused_without_allocating_it()
    {
        var path = _temp.File("bomb.mmf");
        BundleSamples.WriteZeros(path, "model.json", Bomb);
        Assert.True(new FileInfo(path).Length < 2 << 20, "the bomb should be small on disk");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var message = BundleSamples.Refused(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains($"entry 'model.json' would inflate to {Bomb} bytes; model.json may hold at most", message);
        Assert.True(allocated < 32L << 20, $"loading allocated {allocated} bytes");
    }

    /// <summary>The sample file (a 5000-byte payload among smaller entries), loaded under <paramref name="limits"/>.</summary>
    private string RefusedUnder(ModelFileLimits limits)
    {
        var path = _temp.File("m.mmf");
        BundleSamples.Writer().Write(path);
        return BundleSamples.Refused(path, new ModelLoadOptions { Limits = limits });
    }

    [Fact]
    public void Payload_beyond_the_per_entry_cap_is_refused_naming_it() =>
        Assert.Contains("entry 'predictor/weights.bin' would inflate to 5000 bytes; a payload may hold at most 4000 bytes",
            RefusedUnder(new ModelFileLimits { PayloadBytes = 4000 }));

    [Fact]
    public void File_beyond_the_total_cap_is_refused() =>
        Assert.Contains("the whole file may inflate to at most 6000 bytes", RefusedUnder(new ModelFileLimits { TotalBytes = 6000 }));
}
