using MMFuse.Data;

namespace MMFuse.Learners.Torch;

/// <summary>Holds back part of the training rows for early stopping: stratified by class for classification,
/// so every class with at least two rows keeps rows on both sides; a plain seeded draw for regression.</summary>
internal static class InnerSplit
{
    /// <summary>Below this many rows a validation split is too noisy to steer training; all rows train.</summary>
    public const int MinimumRows = 10;

    public static (int[] Train, int[] Validation) Split(float[] labels, TaskKind task, double fraction, int seed)
    {
        var all = Enumerable.Range(0, labels.Length).ToArray();
        if (fraction <= 0 || labels.Length < MinimumRows)
            return (all, []);
        if (fraction >= 1)
            throw new ArgumentException($"The validation fraction must be below 1 (got {fraction}).");

        var rng = new Random(seed);
        var validation = new List<int>();
        var groups = task == TaskKind.Regression
            ? [all]
            : all.GroupBy(i => labels[i]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        foreach (var group in groups)
        {
            rng.Shuffle(group);
            // Round, but never empty a class's training side.
            var take = Math.Min((int)Math.Round(group.Length * fraction), group.Length - 1);
            validation.AddRange(group.Take(take));
        }
        if (validation.Count == 0)
            return (all, []);
        var held = validation.ToHashSet();
        validation.Sort();
        return (all.Where(i => !held.Contains(i)).ToArray(), validation.ToArray());
    }
}
