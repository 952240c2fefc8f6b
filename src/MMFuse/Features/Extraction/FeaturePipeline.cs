using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Features.Caching;

namespace MMFuse.Features.Extraction;

/// <summary>
/// Turns one column's cells into a <see cref="FeatureBlock"/>. Cells are taken in chunks: while the encoder
/// runs on one chunk's cache misses, the next chunk is read, hashed, looked up and decoded on other threads.
/// Hits come from the cache; computed vectors go into it. A cell that cannot be read or decoded follows the
/// policy: <c>fail</c> collects every failure and throws one message naming row, column, file and reason;
/// <c>skip</c> and <c>missing</c> mark the row absent here and list it in the report (the caller drops skipped rows).
/// </summary>
public static class FeaturePipeline
{
    private sealed record Prepared<T>(List<(int Index, FeatureKey Key, T Input)> Misses, List<DataIssue> Failures);

    /// <summary>Featurises one column's cells with <paramref name="extractor"/>: cache hits first, misses decoded on
    /// <see cref="ExtractionOptions.Threads"/> threads and encoded in batches; failures follow the policy.</summary>
    /// <exception cref="MMFuseInputException">Under the <c>fail</c> policy, when any cell cannot be read or decoded (all are listed).</exception>
    public static (FeatureBlock Block, ExtractionReport Report) Run<T>(
        IFeatureExtractor<T> extractor, string column, IReadOnlyList<FeatureCell> cells,
        FeatureCache? cache, ExtractionOptions options, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var signature = extractor.Signature;
        var rows = new float[cells.Count][];
        var present = new bool[cells.Count];
        var failures = new List<DataIssue>();
        int hits = 0, computed = 0;
        var chunk = Math.Max(options.BatchSize, 1) * 4;

        Prepared<T> Prepare(int start)
        {
            var end = Math.Min(start + chunk, cells.Count);
            var misses = new List<(int, FeatureKey, T)>();
            var chunkFailures = new List<DataIssue>();
            var gate = new Lock();
            Parallel.For(start, end, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads) }, i =>
            {
                var cell = cells[i];
                if (cell.IsEmpty)
                {
                    rows[i] = new float[signature.Dimension];
                    progress?.Report(1);
                    return;
                }
                try
                {
                    var content = cell.ReadContent();
                    var key = FeatureKey.For(FeatureKey.HashContent(content), signature);
                    if (cache is not null && cache.TryGet(key, out var cached) && cached.Length == signature.Dimension)
                    {
                        rows[i] = cached;
                        present[i] = true;
                        Interlocked.Increment(ref hits);
                        progress?.Report(1);
                        return;
                    }
                    var input = extractor.Decode(content);
                    lock (gate) misses.Add((i, key, input));
                }
                catch (Exception ex) when (ex is MediaDecodeException or IOException or UnauthorizedAccessException)
                {
                    var file = cell.FilePath is null ? "" : $"{cell.FilePath}: ";
                    lock (gate) chunkFailures.Add(new DataIssue(cell.Row, cell.Line, column, file + ex.Message));
                    rows[i] = new float[signature.Dimension];
                    progress?.Report(1);
                }
            });
            misses.Sort((a, b) => a.Item1.CompareTo(b.Item1));
            return new Prepared<T>(misses, chunkFailures);
        }

        var next = cells.Count == 0 ? null : Task.Run(() => Prepare(0));
        for (var start = 0; next is not null; start += chunk)
        {
            if (cancel.IsCancellationRequested)
            {
                // Let the chunk being prepared finish before leaving: its threads write into this call's arrays.
                next.Wait(CancellationToken.None);
                cancel.ThrowIfCancellationRequested();
            }
            var prepared = next.GetAwaiter().GetResult();
            var following = start + chunk; // a copy: the lambda must not see the loop variable move on
            next = following < cells.Count ? Task.Run(() => Prepare(following)) : null;
            failures.AddRange(prepared.Failures);
            foreach (var batch in prepared.Misses.Chunk(Math.Max(options.BatchSize, 1)))
            {
                var vectors = extractor.Encode(batch.Select(m => m.Input).ToArray());
                for (var j = 0; j < batch.Length; j++)
                {
                    var (index, key, _) = batch[j];
                    rows[index] = vectors[j];
                    present[index] = true;
                    cache?.Put(key, vectors[j]);
                }
                computed += batch.Length;
                progress?.Report(batch.Length);
            }
        }
        cache?.Flush();
        failures.Sort((a, b) => a.Row.CompareTo(b.Row));
        if (failures.Count > 0 && options.Policy == BadRowPolicy.Fail)
            throw new MMFuseInputException(
                $"{failures.Count} file(s) in column '{column}' cannot be used:\n" +
                string.Join('\n', failures.Take(ManifestInspector.MaxListedIssues).Select(f => "  " + f)) +
                (failures.Count > ManifestInspector.MaxListedIssues ? $"\n  ... and {failures.Count - ManifestInspector.MaxListedIssues} more" : "") +
                "\n(DatasetOptions.BadRows = Skip leaves such rows out; Missing treats them as absent)");

        var block = new FeatureBlock(column, signature.Id, signature.Dimension, rows, present);
        var report = new ExtractionReport(column, signature, cells.Count, present.Count(p => p), hits, computed, failures, clock.Elapsed.TotalSeconds);
        return (block, report);
    }
}
