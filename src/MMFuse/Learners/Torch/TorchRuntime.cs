using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Learners.Torch;

/// <summary>
/// Process-wide libtorch state. libtorch's layer constructors draw initial weights from its global generator, so
/// building a seeded module holds <see cref="TrainingLock"/> with that generator seeded. Training then draws
/// (dropout, modality dropout) from a private generator seeded the same way, so several trainings (the folds of a
/// cross-validation) run side by side and each still gives "same seed, same predictions".
/// </summary>
internal static class TorchRuntime
{
    public static readonly Lock TrainingLock = new();

    public static void SetThreads(int threads)
    {
        if (threads > 0 && torch.get_num_threads() != threads)
            torch.set_num_threads(threads);
    }

    /// <summary>Runs <paramref name="body"/> under the lock, with the thread count set and libtorch's global
    /// generator seeded: for work that draws from the global generator throughout.</summary>
    public static T Seeded<T>(TrainingOptions options, Func<T> body)
    {
        lock (TrainingLock)
        {
            SetThreads(options.Threads);
            torch.manual_seed(options.Seed);
            return body();
        }
    }

    /// <summary>Builds a module whose weights are about to be overwritten (a model being loaded). Its constructors still
    /// draw from the global generator, so this holds the lock: a seeded build beside it keeps its own draws.</summary>
    public static T BuildToLoad<T>(Func<T> build)
    {
        lock (TrainingLock)
            return build();
    }

    /// <summary>
    /// A seeded training: <paramref name="build"/> makes the module (under the lock, global generator seeded), then
    /// <paramref name="train"/> runs outside the lock with a private generator seeded from the same seed, which the
    /// module's dropout and any other training-time draw must use. A module with a library layer that draws from
    /// the global generator while training (<paramref name="drawsFromGlobalGenerator"/>: the transformer layer's own
    /// dropout) is built and trained under the lock instead, one training at a time.
    /// </summary>
    public static TResult Train<TModule, TResult>(TrainingOptions options, bool drawsFromGlobalGenerator,
        Func<Generator, TModule> build, Func<TModule, Generator, TResult> train)
    {
        using var generator = new Generator(unchecked((ulong)options.Seed));
        if (drawsFromGlobalGenerator)
            return Seeded(options, () => train(build(generator), generator));
        var module = Seeded(options, () => build(generator));
        SetThreads(options.Threads);
        return train(module, generator);
    }
}
