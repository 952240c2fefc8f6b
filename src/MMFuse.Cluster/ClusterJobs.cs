using System.Diagnostics;
using System.Threading.Channels;
using MMFuse.Data;
using Orleans.Runtime;

namespace MMFuse.Cluster;

/// <summary>
/// Spreads numbered jobs over the cluster's workers, for learning (fold jobs) and extraction (shard jobs) alike:
/// finds workers and refuses those of another version, renews this client's lease on each, runs one lane per worker
/// thread taking jobs off one queue (so the queue stays on the client and a worker never holds more than its threads'
/// worth), and gives up on a silent or departed worker, putting its unfinished jobs back. Each job's first answer is
/// kept (compare-and-swap by index); a second one is reported as not counted.
/// </summary>
/// <typeparam name="TResult">A job's answer.</typeparam>
internal sealed class ClusterJobs<TResult> where TResult : class
{
    private readonly IClusterClient _client;
    private readonly Guid _clientId;
    private readonly ClusterRunOptions _options;
    private readonly IProgress<MMFuseProgress>? _progress;
    private readonly ClusterRunLog _log;
    private readonly Func<WorkerState, Task> _prepare;
    private readonly Func<WorkerState, int, CancellationToken, Task<TResult>> _run;
    private readonly Action<int, TResult, bool> _answered;
    private readonly CancellationTokenSource _finished;
    private readonly Channel<int> _queue = Channel.CreateUnbounded<int>();
    private readonly TResult?[] _results;
    private readonly Dictionary<string, WorkerState> _workers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refused = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private int _left;

    /// <param name="client">A started client of the workers' cluster.</param>
    /// <param name="clientId">The lease this client renews on every worker.</param>
    /// <param name="options">Heartbeat and time limits.</param>
    /// <param name="progress">Notes on workers joining, being refused or lost.</param>
    /// <param name="log">Where bytes shipped and lost workers are recorded.</param>
    /// <param name="jobs">How many jobs (numbered from 0).</param>
    /// <param name="prepare">Ships what every job on a worker needs, once per worker (again after the worker dropped it).</param>
    /// <param name="run">Runs one job on one worker; throws <see cref="WorkerRefusedException"/> to take the worker out.</param>
    /// <param name="answered">Sees every answer with whether it was counted; throws to fail the whole run (a job's own error).</param>
    /// <param name="cancel">Stops the run.</param>
    public ClusterJobs(IClusterClient client, Guid clientId, ClusterRunOptions options, IProgress<MMFuseProgress>? progress, ClusterRunLog log, int jobs,
        Func<WorkerState, Task> prepare, Func<WorkerState, int, CancellationToken, Task<TResult>> run, Action<int, TResult, bool> answered,
        CancellationToken cancel)
    {
        (_client, _clientId, _options, _progress, _log) = (client, clientId, options, progress, log);
        (_prepare, _run, _answered) = (prepare, run, answered);
        _finished = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        _results = new TResult?[jobs];
        _left = jobs;
    }

    /// <summary>Runs every job and returns the answers by job index.</summary>
    public async Task<TResult[]> RunAsync()
    {
        if (_results.Length == 0)
            return [];
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
        return _results.Select(r => r!).ToArray();
    }

    /// <summary>Sends blobs the worker does not hold yet, in chunks of <see cref="ClusterRunOptions.ChunkBytes"/>.</summary>
    public async Task ShipAsync(WorkerState worker, IEnumerable<(string Hash, byte[] Blob)> blobs, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        foreach (var (hash, blob) in blobs)
        {
            if (await worker.Grain.HasBlob(hash).WaitAsync(cancel).ConfigureAwait(false))
                continue;
            var size = _options.ChunkBytes;
            var count = Math.Max(1, (blob.Length + size - 1) / size);
            for (var c = 0; c < count; c++)
            {
                cancel.ThrowIfCancellationRequested();
                await worker.Grain.PutChunk(hash, c, count, blob.AsSpan(c * size, Math.Min(size, blob.Length - c * size)).ToArray())
                    .WaitAsync(cancel).ConfigureAwait(false);
            }
            _log.Shipped(worker.Name, blob.Length);
        }
        lock (_gate)
            _log.ShippingSeconds += clock.Elapsed.TotalSeconds;
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
                else if (noWorkerSince.Elapsed > _options.NoWorkerTimeout)
                    _done.TrySetException(new MMFuseInputException(NoWorkerMessage()));
            }
            try { await Task.Delay(_options.Heartbeat, _finished.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
    }

    private string NoWorkerMessage() =>
        $"cluster: no usable MMFuse worker for {_options.NoWorkerTimeout.TotalSeconds:0} s"
        + (_refused.Count > 0 ? $" (refused: {string.Join("; ", _refused.Values)})" : "")
        + (_workers.Count > 0 ? $" (lost: {string.Join(", ", _workers.Keys)})" : "")
        + "; start workers with `mmfuse worker --cluster URI`";

    private async Task DiscoverAsync()
    {
        var hosts = await _client.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true)
            .WaitAsync(TimeSpan.FromSeconds(10), _finished.Token).ConfigureAwait(false);
        var active = hosts.Select(h => h.SiloName).ToHashSet(StringComparer.Ordinal);
        foreach (var name in active)
        {
            lock (_gate)
                if (_workers.ContainsKey(name) || _refused.ContainsKey(name))
                    continue;
            var grain = _client.GetGrain<IWorkerGrain>(name);
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
            _progress?.Report(new ProgressNote($"cluster: worker '{name}' on {info.Host}, {info.Threads} thread(s)"));
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
        _progress?.Report(new ProgressNote("cluster: " + message, IsWarning: true));
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
                await worker.Grain.Renew(_clientId).WaitAsync(_options.Heartbeat * 2, _finished.Token).ConfigureAwait(false);
                worker.LastAnswer.Restart();
            }
            catch (SiloUnavailableException ex)
            {
                Lose(worker, ex.Message);
            }
            catch (Exception) when (!_finished.IsCancellationRequested)
            {
                if (worker.LastAnswer.Elapsed > _options.SilenceLimit)
                    Lose(worker, $"no answer for {worker.LastAnswer.Elapsed.TotalSeconds:0} s");
            }
            catch (Exception) { /* the run ended */ }
        })).ConfigureAwait(false);
    }

    /// <summary>One of a worker's job slots: prepares the worker first, then takes jobs off the queue one at a time.</summary>
    private async Task LaneAsync(WorkerState worker)
    {
        var token = worker.Cancel.Token;
        try
        {
            await worker.Shipped(() => _prepare(worker)).ConfigureAwait(false);
            while (!token.IsCancellationRequested)
            {
                var job = await _queue.Reader.ReadAsync(token).ConfigureAwait(false);
                if (Volatile.Read(ref _results[job]) is not null)
                    continue;
                lock (_gate)
                    worker.InFlight.Add(job);
                TResult result;
                try
                {
                    result = await _run(worker, job, token).WaitAsync(token).ConfigureAwait(false);
                }
                catch (WorkerRefusedException refused)
                {
                    Refuse(worker.Name, refused.Message);
                    throw;
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    // The call failed, not the job: the failure may be another worker's dead gateway on the route, so
                    // the job goes back on the queue and this worker is given up only after repeated failures (or
                    // when the membership or its silence says it is gone).
                    lock (_gate)
                        worker.InFlight.Remove(job);
                    _queue.Writer.TryWrite(job);
                    if (ex.Message.Contains(WorkerStore.MissingBlobs, StringComparison.Ordinal))
                    {
                        // It dropped them (memory bound, or a restart under the same name): ship again, then go on.
                        worker.Reship();
                        await worker.Shipped(() => _prepare(worker)).ConfigureAwait(false);
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

    private void Answer(int job, TResult result)
    {
        var counted = Interlocked.CompareExchange(ref _results[job], result, null) is null;
        try
        {
            _answered(job, result, counted);
        }
        catch (Exception error)
        {
            // The job's own failure is the same on every worker: the run fails as a local one would.
            _done.TrySetException(error);
            return;
        }
        if (counted && Interlocked.Decrement(ref _left) == 0)
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
        _log.Lost(worker.Name);
        _progress?.Report(new ProgressNote(
            $"cluster: worker '{worker.Name}' lost ({reason}); its {unfinished.Length} unfinished job(s) go to the other workers", IsWarning: true));
    }
}
