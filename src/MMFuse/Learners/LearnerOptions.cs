namespace MMFuse.Learners;

/// <summary>Base of every learner's options record, so <see cref="LearnerFactory"/> can take any of them.
/// Learners added later (the TorchSharp MLP) derive their own options record from this.</summary>
public abstract record LearnerOptions
{
    /// <summary>Worker threads for the trainer. 1 (the default) makes results independent of the machine's
    /// core count: multi-threaded L-BFGS/SDCA/LightGbm/FastTree sum partial results in a thread-dependent order,
    /// so they are only reproducible on the same thread count. Raising it trades that for speed.</summary>
    public int Threads { get; init; } = 1;
}
