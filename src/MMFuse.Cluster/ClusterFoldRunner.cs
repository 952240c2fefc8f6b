using System.Diagnostics;
using System.Threading.Channels;
using MMFuse.Data;
using MMFuse.Evaluation.Jobs;
using MMFuse.Fusion;
using Orleans.Runtime;

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

    /// <summary>One run's state: the job queue, the answers, the workers.</summary>
    private sealed class ClusterRun
    {
        private readonly ClusterFoldRunner _owner;
        private readonly FoldWork _work;
        private readonly IReadOnlyList<IFusionStrategy> _strategies;
        private readonly int[] _indices;
        private readonly Action<int, StrategyOutcome>? _strategyDone;
        private readonly CancellationTokenSource _finished;
        private readonly Channel<int> _queue = Channel.CreateUnbounded<int>();
        private readonly JobResult?[] _results;
        private readonly int[] _remaining;
        private readonly Dictionary<string, WorkerState> _workers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _refused = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _gate = new();
        private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
        private byte[] _data = [], _plan = [];
        private string _dataHash = "", _planHash = "";
        private int _left;

        public ClusterRun(ClusterFoldRunner owner, FoldWork work, IReadOnlyList<IFusionStrategy> strategies, int[] indices,
            Action<int, StrategyOutcome>? strategyDone, CancellationToken cancel)
        {
            (_owner, _work, _strategies, _indices, _strategyDone) = (owner, work, strategies, indices, strategyDone);
            _finished = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            _results = new JobResult?[strategies.Count * work.Folds.Count];
            _remaining = strategies.Select(_ => work.Folds.Count).ToArray();
            _left = _results.Length;
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
            for (var j = 0; j < _results.Length; j++)
                _queue.Writer.TryWrite(j);
            using var registration = _finished.Token.Register(() => _done.TrySetCanceled(_finished.Token));
            var monitor = Task.Run(MonitorAsync);
            try
            {
                await _done.Task.ConfigureAwait(false);
            }
            finally
            {
                _finished.Cancel();
                await monitor.ConfigureAwait(false);
            }
            return Enumerable.Range(0, _strategies.Count).Select(Outcome).ToArray();
        }

        private StrategyOutcome Outcome(int s)
        {
            var folds = Enumerable.Range(0, Folds).Select(f => _results[s * Folds + f]!)
                .Select(r => new FoldOutcome(r.Scores, r.Predictions, r.Subsets, r.Seconds)).ToArray();
            return new StrategyOutcome(folds, folds.Sum(f => f.Seconds));
        }

        /// <summary>Finds workers, renews leases, and declares silent or departed workers lost, until the run ends.</summary>
        private async Task MonitorAsync()
        {
            var noWorkerSince = Stopwatch.StartNew();
            while (!_finished.IsCancellationRequested)
            {
                try
                {
                    await DiscoverAsync().ConfigureAwait(false);
                    await RenewAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_finished.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception)
                {
                    // A gateway of a worker that just died fails the calls routed through it until Orleans drops it;
                    // the next heartbeat tries again, and a cluster with no usable worker ends the run below.
                }
                lock (_gate)
                {
                    if (_workers.Values.Any(w => w.Alive))
                        noWorkerSince.Restart();
                    else if (noWorkerSince.Elapsed > _owner._options.NoWorkerTimeout)
                        _done.TrySetException(new MMFuseInputException(NoWorkerMessage()));
                }
                try { await Task.Delay(_owner._options.Heartbeat, _finished.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { }
            }
        }

        private string NoWorkerMessage() =>
            $"cluster: no usable MMFuse worker for {_owner._options.NoWorkerTimeout.TotalSeconds:0} s"
            + (_refused.Count > 0 ? $" (refused: {string.Join("; ", _refused.Values)})" : "")
            + (_workers.Count > 0 ? $" (lost: {string.Join(", ", _workers.Keys)})" : "")
            + "; start workers with `mmfuse worker --cluster URI`";

        private async Task DiscoverAsync()
        {
            var hosts = await _owner._client.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true)
                .WaitAsync(TimeSpan.FromSeconds(10), _finished.Token).ConfigureAwait(false);
            var active = hosts.Select(h => h.SiloName).ToHashSet(StringComparer.Ordinal);
            foreach (var name in active)
            {
                lock (_gate)
                    if (_workers.ContainsKey(name) || _refused.ContainsKey(name))
                        continue;
                var grain = _owner._client.GetGrain<IWorkerGrain>(name);
                WorkerInfo info;
                try
                {
                    info = await grain.Hello().WaitAsync(TimeSpan.FromSeconds(10), _finished.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A worker grain refuses to activate off its own silo: that silo is no MMFuse worker (or just died).
                    if (ex.Message.Contains("is not running", StringComparison.Ordinal))
                        Refuse(name, $"silo '{name}' is not an MMFuse worker ({ex.Message})");
                    continue; // otherwise a transient failure: asked again at the next heartbeat
                }
                if (info.Version != ClusterVersion.Current)
                {
                    Refuse(name, $"worker '{name}' runs {info.Version}, this client {ClusterVersion.Current}: not used (results are never mixed across versions)");
                    continue;
                }
                var worker = new WorkerState(name, grain, info, CancellationTokenSource.CreateLinkedTokenSource(_finished.Token));
                lock (_gate)
                    _workers[name] = worker;
                _owner._progress?.Report(new ProgressNote($"cluster: worker '{name}' on {info.Host}, {info.Threads} thread(s)"));
                for (var lane = 0; lane < Math.Max(1, info.Threads); lane++)
                    _ = Task.Run(() => LaneAsync(worker));
            }
            List<WorkerState> departed;
            lock (_gate)
                departed = _workers.Values.Where(w => w.Alive && !active.Contains(w.Name)).ToList();
            foreach (var worker in departed)
                Lose(worker, "it left the cluster's membership");
        }

        private void Refuse(string name, string message)
        {
            lock (_gate)
                _refused[name] = message;
            _owner._progress?.Report(new ProgressNote("cluster: " + message, IsWarning: true));
        }

        private async Task RenewAsync()
        {
            List<WorkerState> alive;
            lock (_gate)
                alive = _workers.Values.Where(w => w.Alive).ToList();
            await Task.WhenAll(alive.Select(async worker =>
            {
                try
                {
                    await worker.Grain.Renew(_owner._clientId).WaitAsync(_owner._options.Heartbeat * 2, _finished.Token).ConfigureAwait(false);
                    worker.LastAnswer.Restart();
                }
                catch (SiloUnavailableException ex)
                {
                    Lose(worker, ex.Message);
                }
                catch (Exception) when (!_finished.IsCancellationRequested)
                {
                    if (worker.LastAnswer.Elapsed > _owner._options.SilenceLimit)
                        Lose(worker, $"no answer for {worker.LastAnswer.Elapsed.TotalSeconds:0} s");
                }
                catch (Exception) { /* the run ended */ }
            })).ConfigureAwait(false);
        }

        /// <summary>One of a worker's job slots: ships the blobs first, then takes jobs off the queue one at a time.</summary>
        private async Task LaneAsync(WorkerState worker)
        {
            var token = worker.Cancel.Token;
            try
            {
                await worker.Shipped(() => ShipAsync(worker)).ConfigureAwait(false);
                while (!token.IsCancellationRequested)
                {
                    var job = await _queue.Reader.ReadAsync(token).ConfigureAwait(false);
                    if (Volatile.Read(ref _results[job]) is not null)
                        continue;
                    lock (_gate)
                        worker.InFlight.Add(job);
                    var (s, f) = (job / Folds, job % Folds);
                    JobResult result;
                    try
                    {
                        result = await worker.Grain.Run(new JobRequest($"{_runId}:{s}:{f}", _owner._clientId, _dataHash, _planHash, _indices[s], f))
                            .WaitAsync(token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!token.IsCancellationRequested)
                    {
                        // The call failed, not the job: the failure may be another worker's dead gateway on the route, so
                        // the job goes back on the queue and this worker is given up only after repeated failures (or
                        // when the membership or its silence says it is gone).
                        lock (_gate)
                            worker.InFlight.Remove(job);
                        _queue.Writer.TryWrite(job);
                        if (ex.Message.Contains("does not hold the blobs", StringComparison.Ordinal))
                        {
                            // It dropped them (memory bound, or a restart under the same name): ship again, then go on.
                            worker.Reship();
                            await worker.Shipped(() => ShipAsync(worker)).ConfigureAwait(false);
                            continue;
                        }
                        if (++worker.Failures >= 3)
                            throw new InvalidOperationException($"3 calls in a row failed, the last with: {ex.Message}", ex);
                        await Task.Delay(TimeSpan.FromSeconds(1), token).ConfigureAwait(false);
                        continue;
                    }
                    worker.Failures = 0;
                    lock (_gate)
                        worker.InFlight.Remove(job);
                    Answer(job, result);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Lose(worker, ex.Message);
            }
        }

        private async Task ShipAsync(WorkerState worker)
        {
            var clock = Stopwatch.StartNew();
            foreach (var (hash, blob) in new[] { (_dataHash, _data), (_planHash, _plan) })
            {
                if (await worker.Grain.HasBlob(hash).ConfigureAwait(false))
                    continue;
                var size = _owner._options.ChunkBytes;
                var count = Math.Max(1, (blob.Length + size - 1) / size);
                for (var c = 0; c < count; c++)
                {
                    worker.Cancel.Token.ThrowIfCancellationRequested();
                    await worker.Grain.PutChunk(hash, c, count, blob.AsSpan(c * size, Math.Min(size, blob.Length - c * size)).ToArray()).ConfigureAwait(false);
                }
                _owner.Log.Shipped(worker.Name, blob.Length);
            }
            lock (_gate)
                _owner.Log.ShippingSeconds += clock.Elapsed.TotalSeconds;
        }

        private void Answer(int job, JobResult result)
        {
            var (s, f) = (job / Folds, job % Folds);
            if (result.Error is { } error)
            {
                // The job's own failure is the same on every worker: the run fails as a local one would.
                _done.TrySetException(result.InputError ? new MMFuseInputException(error)
                    : new InvalidOperationException($"strategy '{_strategies[s].Name}', fold {f + 1}, on worker '{result.Worker}': {error}"));
                return;
            }
            var counted = Interlocked.CompareExchange(ref _results[job], result, null) is null;
            _owner.Log.Job(new JobLogEntry(_strategies[s].Name, f, result.Worker, result.Seconds, counted));
            if (!counted)
                return;
            if (Interlocked.Decrement(ref _remaining[s]) == 0)
                _strategyDone?.Invoke(s, Outcome(s));
            if (Interlocked.Decrement(ref _left) == 0)
                _done.TrySetResult();
        }

        /// <summary>Takes a worker out of the run and puts its unfinished jobs back on the queue for the others.</summary>
        private void Lose(WorkerState worker, string reason)
        {
            int[] unfinished;
            lock (_gate)
            {
                if (!worker.Alive || _finished.IsCancellationRequested)
                    return;
                worker.Alive = false;
                unfinished = worker.InFlight.Where(j => _results[j] is null).ToArray();
                worker.InFlight.Clear();
            }
            worker.Cancel.Cancel();
            foreach (var job in unfinished)
                _queue.Writer.TryWrite(job);
            _owner.Log.Lost(worker.Name);
            _owner._progress?.Report(new ProgressNote(
                $"cluster: worker '{worker.Name}' lost ({reason}); its {unfinished.Length} unfinished job(s) go to the other workers", IsWarning: true));
        }
    }
}
