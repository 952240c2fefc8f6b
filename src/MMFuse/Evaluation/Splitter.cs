namespace MMFuse.Evaluation;

/// <summary>Turns a <see cref="SplitSpec"/> into folds. Deterministic: repeat r uses a seed derived from
/// (<see cref="SplitSpec.Seed"/>, r), so repeats differ from one another but not from run to run.</summary>
public static class Splitter
{
    /// <param name="spec">The kind of split, its fold count or test share, repeats and seed.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="classes">Class index per row: needed by stratified k-fold; stratifies holdout when given.</param>
    /// <param name="groups">Group id per row: needed by group k-fold.</param>
    /// <param name="labelSets">Label flags per row (multi-label): stratified k-fold then stratifies iteratively
    /// (<see cref="MultiLabel.IterativeStratification"/>) instead of by <paramref name="classes"/>.</param>
    public static IReadOnlyList<Fold> Split(SplitSpec spec, int rows, IReadOnlyList<int>? classes = null, IReadOnlyList<string>? groups = null,
        IReadOnlyList<bool[]>? labelSets = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (rows < 2)
            throw new ArgumentException($"Cross-validation needs at least 2 rows, got {rows}.", nameof(rows));
        if (classes is not null && classes.Count != rows)
            throw new ArgumentException($"{classes.Count} class labels for {rows} rows.", nameof(classes));
        if (groups is not null && groups.Count != rows)
            throw new ArgumentException($"{groups.Count} group ids for {rows} rows.", nameof(groups));

        var folds = new List<Fold>();
        for (var r = 0; r < spec.Repeats; r++)
        {
            var rng = new Random(DeriveSeed(spec.Seed, r));
            var assignment = spec.Kind switch
            {
                SplitKind.KFold => FoldAssignment.KFold(rows, spec.Folds, rng),
                SplitKind.StratifiedKFold when labelSets is not null => MultiLabel.IterativeStratification.Assign(labelSets, spec.Folds, rng),
                SplitKind.StratifiedKFold => FoldAssignment.StratifiedKFold(
                    classes ?? throw new ArgumentException("Stratified k-fold needs class labels.", nameof(classes)), spec.Folds, rng),
                SplitKind.GroupKFold => FoldAssignment.GroupKFold(
                    groups ?? throw new ArgumentException("Group k-fold needs a group id per row.", nameof(groups)), spec.Folds, rng),
                SplitKind.Holdout => FoldAssignment.Holdout(rows, spec.HoldoutFraction, classes, rng),
                SplitKind.LeaveOneOut => Enumerable.Range(0, rows).ToArray(),
                SplitKind.LeaveOneGroupOut => GroupIndex(groups ?? throw new ArgumentException("Leave-one-group-out needs a group id per row.", nameof(groups))),
                _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown split kind."),
            };
            var count = spec.Kind switch
            {
                SplitKind.Holdout => 1,
                SplitKind.LeaveOneOut => rows,
                SplitKind.LeaveOneGroupOut => groups!.Distinct(StringComparer.Ordinal).Count(),
                _ => spec.Folds,
            };
            for (var f = 0; f < count; f++)
            {
                var test = Enumerable.Range(0, rows).Where(i => assignment[i] == f).ToArray();
                var train = Enumerable.Range(0, rows).Where(i => assignment[i] != f).ToArray();
                folds.Add(new Fold(r, f, train, test));
            }
        }
        return folds;
    }

    /// <summary>Each row's group as its position among the distinct groups in ordinal order (the fold it is tested in).</summary>
    private static int[] GroupIndex(IReadOnlyList<string> groups)
    {
        var names = groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (names.Count < 2)
            throw new ArgumentException($"Leave-one-group-out needs at least 2 groups, got {names.Count}.", nameof(groups));
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        return groups.Select(g => index[g]).ToArray();
    }

    /// <summary>SplitMix64 finaliser over (seed, repeat): neighbouring seeds and repeats give unrelated streams.</summary>
    internal static int DeriveSeed(int seed, int repeat)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32 | (uint)repeat) + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)((z ^ (z >> 31)) & int.MaxValue);
        }
    }
}
