using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Evaluation.Jobs;
using MMFuse.Fusion;

namespace MMFuse.Cluster;

/// <summary>
/// Runs cross-validation jobs on the cluster's workers through Orleans grain calls. The data and the plan are shipped
/// once per worker (content-addressed, chunked); each worker gets at most its <see cref="WorkerInfo.Threads"/> jobs at
/// a time, so the queue stays on the client. A worker lost mid-run (a failed call, silence, or leaving the membership)
/// has its unfinished jobs sent to the others; answers are keyed by job, so none is counted twice. Each job is
/// <see cref="Evaluation.CrossValidator.RunFold"/> on the same bytes, so the result equals a local run's.
/// </summary>
public sealed class ClusterFoldRunner : IFoldRunner
{
    private readonly IClusterClient _client;
    private readonly StrategyRecipe _recipe;
    private readonly ClusterRunOptions _options;
    private readonly IProgress<MMFuseProgress>? _progress;
    private readonly Guid _clientId = Guid.NewGuid();

    /// <param name="client">A started Orleans client of the workers' cluster.</param>
    /// <param name="recipe">The strategies, as data; <see cref="Strategies"/> are built from it.</param>
    /// <param name="options">Chunk size, time limits.</param>
    /// <param name="progress">Notes on workers joining, being refused or lost.</param>
    public ClusterFoldRunner(IClusterClient client, StrategyRecipe recipe, ClusterRunOptions? options = null, IProgress<MMFuseProgress>? progress = null)
    {
        _client = client;
        _recipe = recipe;
        _options = options ?? new ClusterRunOptions();
        _progress = progress;
        Strategies = recipe.Create();
    }

    /// <summary>The recipe's strategy objects: pass these (or some of them) to compare or evaluate with this runner.</summary>
    public IReadOnlyList<IFusionStrategy> Strategies { get; }

    /// <summary>Jobs, durations and bytes shipped, over every run of this runner.</summary>
    public ClusterRunLog Log { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<StrategyOutcome> Run(FoldWork work, IReadOnlyList<IFusionStrategy> strategies, Action<int, StrategyOutcome>? strategyDone,
        CancellationToken cancel)
    {
        var indices = strategies.Select(s =>
        {
            var index = Strategies.ToList().FindIndex(o => ReferenceEquals(o, s));
            return index >= 0 ? index : throw new ArgumentException(
                $"strategy '{s.Name}' was not built by this cluster runner: use ClusterFoldRunner.Strategies, which workers rebuild from the recipe");
        }).ToArray();
        // Off the caller's synchronisation context: the CLI and the library's calls are synchronous.
        return Task.Run(() => new ClusterRun(this, work, strategies, indices, strategyDone, cancel).RunAsync(), cancel).GetAwaiter().GetResult();
    }

    /// <summary>One run: the blobs, the jobs, and the outcomes assembled per strategy.</summary>
    private sealed class ClusterRun
    {
        private readonly ClusterFoldRunner _owner;
        private readonly FoldWork _work;
        private readonly IReadOnlyList<IFusionStrategy> _strategies;
        private readonly int[] _indices;
        private readonly Action<int, StrategyOutcome>? _strategyDone;
        private readonly CancellationToken _cancel;
        private readonly JobResult?[] _results;
        private readonly int[] _remaining;
        private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
        private byte[] _data = [], _plan = [];
        private string _dataHash = "", _planHash = "";

        public ClusterRun(ClusterFoldRunner owner, FoldWork work, IReadOnlyList<IFusionStrategy> strategies, int[] indices,
            Action<int, StrategyOutcome>? strategyDone, CancellationToken cancel)
        {
            (_owner, _work, _strategies, _indices, _strategyDone, _cancel) = (owner, work, strategies, indices, strategyDone, cancel);
            _results = new JobResult?[strategies.Count * work.Folds.Count];
            _remaining = strategies.Select(_ => work.Folds.Count).ToArray();
        }

        private int Folds => _work.Folds.Count;

        public async Task<IReadOnlyList<StrategyOutcome>> RunAsync()
        {
            if (_results.Length == 0)
                return [];
            var clock = Stopwatch.StartNew();
            _data = WorkCodec.EncodeData(_work);
            _plan = WorkCodec.EncodePlan(_work, _owner._recipe.ToJson());
            (_dataHash, _planHash) = (WorkCodec.Hash(_data), WorkCodec.Hash(_plan));
            _owner.Log.ShippingSeconds += clock.Elapsed.TotalSeconds;
            ClusterJobs<JobResult>? jobs = null;
            jobs = new ClusterJobs<JobResult>(_owner._client, _owner._clientId, _owner._options, _owner._progress, _owner.Log, _results.Length,
                worker => jobs!.ShipAsync(worker, [(_dataHash, _data), (_planHash, _plan)], worker.Cancel.Token),
                (worker, job, _) => worker.Grain.Run(new JobRequest($"{_runId}:{job / Folds}:{job % Folds}", _owner._clientId, _dataHash, _planHash,
                    _indices[job / Folds], job % Folds)),
                Answer, _cancel);
            await jobs.RunAsync().ConfigureAwait(false);
            return Enumerable.Range(0, _strategies.Count).Select(Outcome).ToArray();
        }

        private StrategyOutcome Outcome(int s)
        {
            var folds = Enumerable.Range(0, Folds).Select(f => _results[s * Folds + f]!)
                .Select(r => new FoldOutcome(r.Scores, r.Predictions, r.Subsets, r.Seconds)).ToArray();
            return new StrategyOutcome(folds, folds.Sum(f => f.Seconds));
        }

        private void Answer(int job, JobResult result, bool counted)
        {
            var (s, f) = (job / Folds, job % Folds);
            if (result.Error is { } error)
                throw result.InputError ? new MMFuseInputException(error)
                    : new InvalidOperationException($"strategy '{_strategies[s].Name}', fold {f + 1}, on worker '{result.Worker}': {error}");
            _owner.Log.Job(new JobLogEntry(_strategies[s].Name, f, result.Worker, result.Seconds, counted));
            if (!counted)
                return;
            _results[job] = result;
            if (Interlocked.Decrement(ref _remaining[s]) == 0)
                _strategyDone?.Invoke(s, Outcome(s));
        }
    }
}
