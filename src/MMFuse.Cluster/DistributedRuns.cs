using MMFuse.Evaluation;

namespace MMFuse.Cluster;

/// <summary>
/// The library's learning calls with their (strategy, fold) jobs run on a cluster: the same leaderboard or evaluation,
/// computed by workers. The features the cache lacks are extracted by the workers first (<see cref="DistributedExtraction"/>),
/// then read here and shipped once per worker.
/// </summary>
public static class DistributedRuns
{
    /// <summary><see cref="MultimodalDataset.Compare"/> on the cluster at <paramref name="cluster"/>.</summary>
    /// <param name="data">The dataset; its missing features are extracted by the workers, then shipped to each worker once.</param>
    /// <param name="cluster">The cluster address (<c>localhost</c>, <c>redis://HOST:PORT</c>, <c>postgres://USER@HOST[:PORT]/DATABASE</c>).</param>
    /// <param name="recipe">The strategies by name with their options (workers rebuild them from it).</param>
    /// <param name="split">The folds; as <see cref="MultimodalDataset.Compare"/> when null.</param>
    /// <param name="options">Normalisation, seed, test-time absence (its runner is replaced by the cluster's).</param>
    /// <param name="progress">The same progress as a local run, plus notes on workers.</param>
    /// <param name="runOptions">Chunk size and time limits.</param>
    /// <param name="cancel">Stops the run.</param>
    /// <returns>The leaderboard and what the cluster did (jobs, durations, bytes shipped).</returns>
    public static (Leaderboard Board, ClusterRunLog Log) Compare(MultimodalDataset data, string cluster, StrategyRecipe recipe, SplitSpec? split = null,
        EvaluationOptions? options = null, IProgress<MMFuseProgress>? progress = null, ClusterRunOptions? runOptions = null, CancellationToken cancel = default)
    {
        using var connection = ClusterConnection.ConnectAsync(cluster, cancel: cancel, tls: runOptions?.Tls).GetAwaiter().GetResult();
        var runner = connection.Runner(recipe, runOptions, progress);
        Featurize(data, connection, runner, runOptions, progress, cancel);
        var board = data.Compare(runner.Strategies, split, (options ?? new EvaluationOptions()) with { Runner = runner }, progress, cancel);
        return (board, runner.Log);
    }

    /// <summary><see cref="MultimodalDataset.Evaluate"/> of the recipe's single strategy on the cluster.</summary>
    public static (EvaluationRun Run, ClusterRunLog Log) Evaluate(MultimodalDataset data, string cluster, StrategyRecipe recipe, SplitSpec? split = null,
        EvaluationOptions? options = null, IProgress<MMFuseProgress>? progress = null, ClusterRunOptions? runOptions = null, CancellationToken cancel = default)
    {
        if (recipe.Names.Count != 1)
            throw new ArgumentException("evaluate takes a recipe of one strategy", nameof(recipe));
        using var connection = ClusterConnection.ConnectAsync(cluster, cancel: cancel, tls: runOptions?.Tls).GetAwaiter().GetResult();
        var runner = connection.Runner(recipe, runOptions, progress);
        Featurize(data, connection, runner, runOptions, progress, cancel);
        var run = data.Evaluate(runner.Strategies[0], split, (options ?? new EvaluationOptions()) with { Runner = runner }, progress, cancel);
        return (run, runner.Log);
    }

    /// <summary>The features: the cache's misses computed by the workers, then the dataset's own extraction (all hits).</summary>
    private static void Featurize(MultimodalDataset data, ClusterConnection connection, ClusterFoldRunner runner, ClusterRunOptions? runOptions,
        IProgress<MMFuseProgress>? progress, CancellationToken cancel)
    {
        DistributedExtraction.Warm(data, connection.Client, all: false, runOptions, progress, runner.Log, cancel);
        data.Featurize(progress, cancel);
    }
}
