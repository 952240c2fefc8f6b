using System.Diagnostics;

namespace MMFuse.Bench;

/// <summary>
/// Runs the sides of a comparison back to back, alternating, so that the load from other users of a shared machine
/// falls on all sides alike: one untimed warm-up of each side, then <c>rounds</c> rounds of every side, the order
/// reversed on odd rounds so no side always runs first. Each side returns the seconds of its timed part (setup
/// such as pre-decoding stays outside).
/// </summary>
internal static class Alternation
{
    /// <param name="warmUps">Per side, a cheaper warm-up (JIT, native libraries, worker pools) where one full run
    /// would cost too much; null warms up with the timed run itself.</param>
    public static double[][] Seconds(int rounds, IReadOnlyList<(string Name, Func<double> Run)> sides, TextWriter log,
        IReadOnlyList<Func<double>>? warmUps = null)
    {
        for (var s = 0; s < sides.Count; s++)
        {
            var (name, run) = sides[s];
            var warm = warmUps is null ? run() : warmUps[s]();
            log.WriteLine($"  warm-up {name}: {warm:F2} s");
        }
        var seconds = sides.Select(_ => new double[rounds]).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            var order = Enumerable.Range(0, sides.Count);
            foreach (var s in r % 2 == 0 ? order : order.Reverse())
            {
                seconds[s][r] = sides[s].Run();
                log.WriteLine($"  round {r + 1} {sides[s].Name}: {seconds[s][r]:F2} s");
            }
        }
        return seconds;
    }

    /// <summary>Wall seconds of <paramref name="action"/>.</summary>
    public static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Items per second from per-round seconds.</summary>
    public static double[] Rates(double items, double[] seconds) => [.. seconds.Select(s => items / s)];
}
