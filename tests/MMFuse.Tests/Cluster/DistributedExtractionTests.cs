using MMFuse.Cluster;
using MMFuse.Data;
using MMFuse.Features.Extraction;
using Orleans.TestingHost;

namespace MMFuse.Tests.Cluster;

/// <summary>
/// Extraction on a real Orleans cluster of three silos in this process: the features equal a local extraction's bit for
/// bit with streamed and with shared media, cached cells are never sent again, and a shared path leading out of the
/// manifest's folder is refused.
/// </summary>
public sealed class DistributedExtractionTests
{
    private static readonly ClusterRunOptions Small = new() { ShardRows = 16 };

    [Fact]
    public async Task Distributed_extraction_equals_local_streamed_or_shared_and_cached_cells_are_not_sent_again()
    {
        using var dir = new TempDirectory();
        var local = Load(dir, "local").ExtractAll();

        var media = Path.GetDirectoryName(ClusterTestData.Manifest)!;
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) => silo.AddMMFuseWorker(new WorkerSettings { Threads = 1, SharedMedia = [media] }));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var streamed = Load(dir, "stream");
        var log = DistributedExtraction.Warm(streamed, cluster.Client, all: true, Small);
        var fromStream = streamed.ExtractAll();
        Assert.Equal(Fingerprint(local), Fingerprint(fromStream));
        // Every feature came from the workers: the local pass only read the cache.
        Assert.All(fromStream.Columns, c => Assert.Equal(0, c.Report.Computed));
        Assert.True(log.Jobs.Count(j => j.Counted) >= 2 * 120 / Small.ShardRows, $"{log.Jobs.Count} jobs");
        Assert.True(log.Jobs.Select(j => j.Worker).Distinct().Count() >= 2, "the shards went to one worker only");
        Assert.All(log.BytesShipped.Values, b => Assert.True(b > 0));

        // A second run finds every cell in the cache: no shard is formed, nothing is sent.
        var again = DistributedExtraction.Warm(Load(dir, "stream"), cluster.Client, all: true, Small);
        Assert.Empty(again.Jobs);
        Assert.Empty(again.BytesShipped);

        var shared = Load(dir, "shared");
        var sharedLog = DistributedExtraction.Warm(shared, cluster.Client, all: true, Small with { Media = MediaMode.Shared });
        var fromShared = shared.ExtractAll();
        Assert.Equal(Fingerprint(local), Fingerprint(fromShared));
        Assert.All(fromShared.Columns, c => Assert.Equal(0, c.Report.Computed));
        Assert.Empty(sharedLog.BytesShipped); // workers read the files themselves
        Assert.NotEmpty(sharedLog.Jobs);
    }

    [Fact]
    public async Task A_shared_path_out_of_the_manifest_folder_is_refused_by_the_client_and_by_the_worker()
    {
        using var dir = new TempDirectory();
        var folder = Directory.CreateDirectory(dir.File("data")).FullName;
        var samples = Path.GetDirectoryName(ClusterTestData.Manifest)!;
        var secret = Directory.CreateDirectory(dir.File("secret")).FullName;
        var lines = File.ReadLines(ClusterTestData.Manifest).ToList();
        // A clip no kept row has: a copy of a kept one would be found by content and never sent.
        File.Copy(Path.Combine(samples, lines[^1].Split(',')[2]), Path.Combine(secret, "key.wav"));
        lines = lines.Take(11).ToList();
        Directory.CreateDirectory(Path.Combine(folder, "audio"));
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        var rows = new List<string> { "id,image,audio,digit" };
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            File.Copy(Path.Combine(samples, cells[1]), Path.Combine(folder, cells[1]));
            File.Copy(Path.Combine(samples, cells[2]), Path.Combine(folder, cells[2]));
            rows.Add(line);
        }
        // Row 3's clip is a link to a file outside the manifest's folder.
        File.CreateSymbolicLink(Path.Combine(folder, "audio", "leak.wav"), Path.Combine(secret, "key.wav"));
        var third = rows[3].Split(',');
        rows[3] = string.Join(',', third[0], third[1], "audio/leak.wav", third[3]);
        File.WriteAllLines(Path.Combine(folder, "manifest.csv"), rows);

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddMMFuseWorker(new WorkerSettings { Threads = 1, SharedMedia = [dir.Path] }));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var data = MultimodalDataset.Load(Path.Combine(folder, "manifest.csv"), "digit", new DatasetOptions { CacheFolder = dir.File("cache"), Threads = 1 });
        var client = Assert.Throws<MMFuseInputException>(() =>
            DistributedExtraction.Warm(data, cluster.Client, all: true, Small with { Media = MediaMode.Shared }));
        Assert.Contains("column 'audio'", client.Message);
        Assert.Contains("through a link", client.Message);

        // A client that skips its own check (or lies) meets the worker's: the shard is refused, nothing is read.
        var worker = cluster.Client.GetGrain<IWorkerGrain>(cluster.Silos[0].Name);
        using var extractor = ContentExtractor.Create(ColumnRole.Audio, "logmel-grid");
        var spec = new ShardExtractor(ColumnRole.Audio, "logmel-grid", long.MaxValue, double.PositiveInfinity, 32,
            ShardExtractor.Describe(extractor.Signature), extractor.Signature.Dimension);
        foreach (var path in new[] { "audio/leak.wav", "../secret/key.wav", Path.Combine(secret, "key.wav") })
        {
            var answer = await worker.Extract(new ShardRequest("0123456789abcdef", Guid.NewGuid(), spec, ["00"], SharedFolder: folder, Paths: [path]));
            Assert.NotNull(answer.Error);
            Assert.Contains("a worker reads only files inside the manifest's folder", answer.Error);
            Assert.Empty(answer.Vectors);
        }
        // A client expecting another extractor model: the worker refuses rather than mix other features into its cache.
        var otherModel = spec with { Signature = spec.Signature.Replace("logmel-grid|", "logmel-grid|0-other|", StringComparison.Ordinal) };
        var mismatch = await worker.Extract(new ShardRequest("0123456789abcdef", Guid.NewGuid(), otherModel, ["00"], SharedFolder: folder,
            Paths: [File.ReadLines(Path.Combine(folder, "manifest.csv")).Skip(1).First().Split(',')[2]]));
        Assert.Contains("features are never mixed across models", mismatch.Refusal);
        Assert.Empty(mismatch.Vectors);

        // A folder outside the worker's --shared-media folders: this worker stays out of the run.
        var elsewhere = await worker.Extract(new ShardRequest("0123456789abcdef", Guid.NewGuid(), spec, ["00"], SharedFolder: samples, Paths: ["audio/0031.wav"]));
        Assert.Contains("not inside this worker's", elsewhere.Refusal);
    }

    private static MultimodalDataset Load(TempDirectory dir, string cache) =>
        MultimodalDataset.Load(ClusterTestData.Manifest, label: "digit", new DatasetOptions { CacheFolder = dir.File(cache), Threads = 2 });

    /// <summary>Every block's name, extractor, presence and values, bit for bit.</summary>
    internal static string Fingerprint(FeatureExtraction extraction) => string.Join("\n", extraction.Columns.Select(c =>
        $"{c.Block.Modality}|{c.Block.ExtractorId}|{string.Concat(c.Block.Present.Select(p => p ? '1' : '0'))}|"
        + string.Join(";", c.Block.Rows.Select(r => r is null ? "-" : Convert.ToHexString(System.Runtime.InteropServices.MemoryMarshal.AsBytes(r.AsSpan()))))));
}
