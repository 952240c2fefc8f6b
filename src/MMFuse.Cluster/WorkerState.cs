using System.Diagnostics;

namespace MMFuse.Cluster;

/// <summary>A client's view of one worker during a run: its grain, capacity, jobs in flight and liveness.</summary>
internal sealed class WorkerState(string name, IWorkerGrain grain, WorkerInfo info, CancellationTokenSource cancel)
{
    private Task? _shipped;
    private readonly Lock _gate = new();

    public string Name { get; } = name;
    public IWorkerGrain Grain { get; } = grain;
    public WorkerInfo Info { get; } = info;

    /// <summary>Cancelled when the worker is lost or the run ends: its lanes stop.</summary>
    public CancellationTokenSource Cancel { get; } = cancel;

    /// <summary>Job indices sent to it and not yet answered.</summary>
    public HashSet<int> InFlight { get; } = [];

    public bool Alive { get; set; } = true;

    /// <summary>Job calls that failed in a row (touched by one lane at a time in practice; a race only delays giving up).</summary>
    public int Failures { get; set; }

    /// <summary>Since its last answer to a lease renewal.</summary>
    public Stopwatch LastAnswer { get; } = Stopwatch.StartNew();

    /// <summary>Forgets the shipment, so the next <see cref="Shipped"/> sends the blobs again (the worker dropped them).</summary>
    public void Reship()
    {
        lock (_gate)
            _shipped = null;
    }

    /// <summary>The one shipment of the blobs to this worker, shared by its lanes.</summary>
    public Task Shipped(Func<Task> ship)
    {
        lock (_gate)
            return _shipped ??= ship();
    }
}
