using System.Security.Cryptography;
using System.Text;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;

namespace MMFuse.Cluster;

/// <summary>A client's extraction shard: cells of one planned column whose features the cache lacks, named by content.</summary>
/// <param name="Column">The column's place in the plan.</param>
/// <param name="Index">The shard's place among its column's shards.</param>
/// <param name="Extractor">The extractor and the signature expected of it.</param>
/// <param name="Items">The cells, each with its cache key and content hash.</param>
internal sealed record ExtractionShard(int Column, int Index, ShardExtractor Extractor, IReadOnlyList<ShardItem> Items)
{
    /// <summary>The shard's content address: SHA-256 of the extractor signature and its items' content hashes.</summary>
    public string Id { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        Extractor.Signature + "\n" + string.Join("\n", Items.Select(i => i.ContentHash)))));

    /// <summary>The shards of the cells of <paramref name="column"/> that <paramref name="cache"/> does not hold yet
    /// (each distinct content once), at most <see cref="ClusterRunOptions.ShardRows"/> cells and
    /// <see cref="ClusterRunOptions.ShardBytes"/> bytes each. A cell that cannot be read is left to the local extraction,
    /// which reports it as it always does.</summary>
    public static List<ExtractionShard> Plan(int index, PlannedExtraction column, ExtractorSignature signature, FeatureCache cache,
        ClusterRunOptions options, CancellationToken cancel)
    {
        var cells = column.Cells;
        var missing = new ShardItem?[cells.Count];
        Parallel.For(0, cells.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, column.Options.Threads), CancellationToken = cancel }, i =>
        {
            if (cells[i].IsEmpty)
                return;
            byte[] content;
            try { content = cells[i].ReadContent(); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return; }
            var hash = FeatureKey.HashContent(content);
            var key = FeatureKey.For(hash, signature);
            if (cache.TryGet(key, out var cached) && cached.Length == signature.Dimension)
                return;
            missing[i] = new ShardItem(cells[i], key, Convert.ToHexStringLower(hash), content.Length);
        });
        var spec = ShardExtractor.Of(column, signature);
        var shards = new List<ExtractionShard>();
        var current = new List<ShardItem>();
        long bytes = 0;
        var seen = new HashSet<FeatureKey>();
        foreach (var item in missing.OfType<ShardItem>().Where(i => seen.Add(i.Key)))
        {
            if (current.Count > 0 && (current.Count >= Math.Max(1, options.ShardRows) || bytes + item.Length > options.ShardBytes))
            {
                shards.Add(new ExtractionShard(index, shards.Count, spec, current));
                (current, bytes) = ([], 0);
            }
            current.Add(item);
            bytes += item.Length;
        }
        if (current.Count > 0)
            shards.Add(new ExtractionShard(index, shards.Count, spec, current));
        return shards;
    }
}

/// <summary>One cell of a shard.</summary>
/// <param name="Cell">The cell (its file, bytes or text).</param>
/// <param name="Key">Where its vector goes in the feature cache.</param>
/// <param name="ContentHash">SHA-256 (hex) of its bytes, which the worker checks.</param>
/// <param name="Length">Its byte count.</param>
internal sealed record ShardItem(FeatureCell Cell, FeatureKey Key, string ContentHash, long Length);
