using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;

namespace MMFuse.Cluster;

/// <summary>
/// Pretrained feature extraction on the cluster's workers. The client looks every cell up in its feature cache by
/// content (as a local run does), cuts the misses into shards, has workers compute them, and stores the vectors in its
/// cache under the very keys a local extraction uses; the library's own extraction then reads them all from the cache.
/// So the features are the same bytes a local run computes, a shard's cells already cached are never sent, and a cell
/// a worker could not do (an unreadable or undecodable file) is done, and reported, by the local pass as always.
/// </summary>
public static class DistributedExtraction
{
    /// <summary><see cref="MultimodalDataset.ExtractAll"/> with the pretrained columns computed on the cluster at <paramref name="cluster"/>.</summary>
    /// <param name="data">The dataset; its feature cache receives the workers' vectors.</param>
    /// <param name="cluster">The cluster address (<c>localhost</c>, <c>redis://HOST:PORT</c>, <c>postgres://USER@HOST[:PORT]/DATABASE</c>).</param>
    /// <param name="options">Media mode, shard size, time limits.</param>
    /// <param name="progress">Extraction progress (the cluster part under the variant "cluster") and notes on workers.</param>
    /// <param name="cancel">Stops the run.</param>
    /// <returns>The extraction (equal to a local one) and what the cluster did: shard jobs, bytes shipped.</returns>
    public static (FeatureExtraction Extraction, ClusterRunLog Log) ExtractAll(MultimodalDataset data, string cluster, ClusterRunOptions? options = null,
        IProgress<MMFuseProgress>? progress = null, CancellationToken cancel = default)
    {
        using var connection = ClusterConnection.ConnectAsync(cluster, cancel: cancel, tls: options?.Tls).GetAwaiter().GetResult();
        var log = Warm(data, connection.Client, all: true, options, progress, null, cancel);
        return (data.ExtractAll(progress, cancel), log);
    }

    /// <summary>Computes on the workers the pretrained features of <paramref name="data"/> its feature cache lacks and
    /// stores them there; the dataset's own <see cref="MultimodalDataset.Featurize"/> (<paramref name="all"/> false) or
    /// <see cref="MultimodalDataset.ExtractAll"/> (true) then finds them. Augmented and noisy variants stay local.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="client">A started client of the workers' cluster.</param>
    /// <param name="all">True for every image, audio and text column (extract); false for the learning plan's.</param>
    /// <param name="options">Media mode, shard size, time limits.</param>
    /// <param name="progress">Progress per column (variant "cluster") and notes.</param>
    /// <param name="log">Where the shard jobs are recorded; a new log when null.</param>
    /// <param name="cancel">Stops the run.</param>
    /// <exception cref="MMFuseInputException">Shared media asked for a file outside the manifest's folder; no usable worker.</exception>
    public static ClusterRunLog Warm(MultimodalDataset data, IClusterClient client, bool all, ClusterRunOptions? options = null,
        IProgress<MMFuseProgress>? progress = null, ClusterRunLog? log = null, CancellationToken cancel = default)
    {
        options ??= new ClusterRunOptions();
        log ??= new ClusterRunLog();
        var plan = data.PlanExtraction(all);
        if (plan.Count == 0)
            return log;
        string? cacheProblem = null;
        using var cache = FeatureCache.OpenOrBypass(plan[0].CacheFolder, warning => cacheProblem ??= warning);
        if (cacheProblem is not null)
        {
            progress?.Report(new ProgressNote($"cluster: features are extracted here, not on workers ({cacheProblem})", IsWarning: true));
            return log;
        }
        var shards = new List<ExtractionShard>();
        for (var c = 0; c < plan.Count; c++)
        {
            using var extractor = ContentExtractor.Create(plan[c].Column.Role, plan[c].Extractor, plan[c].Options);
            shards.AddRange(ExtractionShard.Plan(c, plan[c], extractor.Signature, cache, options, cancel));
        }
        if (shards.Count == 0)
            return log;
        var folder = data.Table.Inspection.Manifest.Folder;
        var requests = shards.Select(s => ShardMedia.Paths(s, plan[s.Column], options.Media, folder)).ToArray();
        var run = new ShardRun(plan, shards, cache, progress, log);
        var clientId = Guid.NewGuid();
        ClusterJobs<ShardResult>? jobs = null;
        jobs = new ClusterJobs<ShardResult>(client, clientId, options, progress, log, shards.Count, _ => Task.CompletedTask,
            async (worker, job, token) =>
            {
                var request = requests[job] is { } paths
                    ? new ShardRequest(shards[job].Id, clientId, shards[job].Extractor, ShardMedia.Hashes(shards[job]), SharedFolder: folder, Paths: paths)
                    : await ShardMedia.StreamAsync(shards[job], clientId, worker, jobs!, token).ConfigureAwait(false);
                var result = await worker.Grain.Extract(request).ConfigureAwait(false);
                return result.Refusal is { } refusal ? throw new WorkerRefusedException(refusal) : result;
            },
            run.Answered, cancel);
        Task.Run(jobs.RunAsync, cancel).GetAwaiter().GetResult();
        cache.Flush();
        run.Finish();
        return log;
    }

    /// <summary>Puts a run's answers in the cache and reports progress per column.</summary>
    private sealed class ShardRun(IReadOnlyList<PlannedExtraction> plan, List<ExtractionShard> shards, FeatureCache cache,
        IProgress<MMFuseProgress>? progress, ClusterRunLog log)
    {
        private readonly int[] _done = new int[plan.Count];
        private readonly int[] _total = Enumerable.Range(0, plan.Count).Select(c => shards.Where(s => s.Column == c).Sum(s => s.Items.Count)).ToArray();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _failed;

        public void Answered(int job, ShardResult result, bool counted)
        {
            var shard = shards[job];
            var column = plan[shard.Column];
            if (result.Error is { } error)
                throw new MMFuseInputException($"column '{column.Column.Name}': {error}");
            log.Job(new JobLogEntry($"extract {column.Column.Name}", shard.Index, result.Worker, result.Seconds, counted));
            if (!counted)
                return;
            var dimension = shard.Extractor.Dimension;
            for (var i = 0; i < shard.Items.Count; i++)
            {
                if (i < result.Vectors.Length && result.Vectors[i] is { } vector && vector.Length == dimension)
                    cache.Put(shard.Items[i].Key, vector);
                else
                    Interlocked.Increment(ref _failed);
            }
            var done = Interlocked.Add(ref _done[shard.Column], shard.Items.Count);
            progress?.Report(new ExtractionProgress(column.Column.Name, column.Column.Role, "cluster", done, _total[shard.Column],
                done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3)));
        }

        public void Finish()
        {
            if (_failed > 0)
                progress?.Report(new ProgressNote($"cluster: {_failed} cell(s) could not be read or decoded on the workers; they are extracted (and reported) here"));
        }
    }
}
