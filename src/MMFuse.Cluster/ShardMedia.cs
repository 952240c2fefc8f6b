using MMFuse.Data;

namespace MMFuse.Cluster;

/// <summary>How a shard's media reach a worker: paths inside the manifest's folder (shared storage) or the bytes,
/// streamed as one content-addressed blob in chunks.</summary>
internal static class ShardMedia
{
    /// <summary>Under <see cref="MediaMode.Shared"/>, each file cell's path relative to <paramref name="folder"/>; null when
    /// the shard is streamed (the stream mode, and text cells, whose text travels anyway).</summary>
    /// <exception cref="MMFuseInputException">A file outside the manifest's folder, or a cell without a file.</exception>
    public static string[]? Paths(ExtractionShard shard, PlannedExtraction column, MediaMode mode, string folder)
    {
        if (mode != MediaMode.Shared || column.Column.Role == ColumnRole.Text)
            return null;
        return shard.Items.Select(item =>
        {
            var where = $"row {item.Cell.Row}, column '{column.Column.Name}'";
            if (item.Cell.FilePath is not { } file)
                throw new MMFuseInputException($"{where}: the cell holds bytes, not a file, so it cannot be read from shared storage; use ClusterRunOptions.Media = Stream");
            var relative = SharedMediaFolder.Relative(folder, file)
                ?? throw new MMFuseInputException($"{where}: '{file}' is outside the manifest's folder, and ClusterRunOptions.Media = Shared sends workers only paths inside it; use ClusterRunOptions.Media = Stream");
            // A link out of the folder is refused here already, not only on the worker.
            try { SharedMediaFolder.Resolve(folder, relative); }
            catch (MMFuseInputException outside) { throw new MMFuseInputException($"{where}: {outside.Message}"); }
            return relative;
        }).ToArray();
    }

    /// <summary>The items' content hashes, which the worker checks the bytes against.</summary>
    public static string[] Hashes(ExtractionShard shard) => shard.Items.Select(i => i.ContentHash).ToArray();

    /// <summary>Reads the shard's bytes (only now, so the client holds no more than the shards in flight), ships them and
    /// returns the request naming them. A file that cannot be read now travels empty; its hash will not match, and the
    /// local extraction reports it.</summary>
    public static async Task<ShardRequest> StreamAsync(ExtractionShard shard, Guid client, WorkerState worker, ClusterJobs<ShardResult> jobs, CancellationToken cancel)
    {
        var contents = shard.Items.Select(item =>
        {
            try { return item.Cell.ReadContent(); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return []; }
        }).ToArray();
        var payload = new byte[contents.Sum(c => (long)c.Length)];
        var offset = 0;
        foreach (var content in contents)
        {
            content.CopyTo(payload, offset);
            offset += content.Length;
        }
        var hash = WorkCodec.Hash(payload);
        await jobs.ShipAsync(worker, [(hash, payload)], cancel).ConfigureAwait(false);
        return new ShardRequest(shard.Id, client, shard.Extractor, Hashes(shard), PayloadHash: hash, Lengths: contents.Select(c => c.Length).ToArray());
    }
}
