using TorchSharp;

namespace MMFuse.Learners.Torch;

/// <summary>Process-wide libtorch state. The random generator and the thread count are global in libtorch, so
/// seeded training holds <see cref="TrainingLock"/>: two trainings in parallel would otherwise interleave
/// their draws and break "same seed, same predictions".</summary>
internal static class TorchRuntime
{
    public static readonly Lock TrainingLock = new();

    public static void SetThreads(int threads)
    {
        if (threads > 0 && torch.get_num_threads() != threads)
            torch.set_num_threads(threads);
    }

    /// <summary>Runs <paramref name="body"/> (build a module, train it) under the lock, with the thread count set and
    /// libtorch's global generator (weight init, dropout) seeded: the way every seeded TorchSharp training starts.</summary>
    public static T Seeded<T>(TrainingOptions options, Func<T> body)
    {
        lock (TrainingLock)
        {
            SetThreads(options.Threads);
            torch.manual_seed(options.Seed);
            return body();
        }
    }
}
