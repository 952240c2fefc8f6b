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

    /// <summary>Seeds libtorch's global generator (weight init, dropout); call while holding the lock.</summary>
    public static void Seed(int seed) => torch.manual_seed(seed);
}
