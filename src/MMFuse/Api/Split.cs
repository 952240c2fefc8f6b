using MMFuse.Evaluation;

namespace MMFuse;

/// <summary>Factory functions for cross-validation plans. The default seed, 42, is the CLI's.</summary>
public static class Split
{
    /// <summary>K folds with each class's share kept in every fold (classification).</summary>
    public static SplitSpec StratifiedKFold(int folds = 5, int repeats = 1, int seed = 42) => new(SplitKind.StratifiedKFold, folds, repeats, seed);

    /// <summary>K folds of shuffled rows (regression, or when classes need not be balanced).</summary>
    public static SplitSpec KFold(int folds = 5, int repeats = 1, int seed = 42) => new(SplitKind.KFold, folds, repeats, seed);

    /// <summary>K folds in which every group (a speaker, a session) is in the test part of exactly one fold.</summary>
    public static SplitSpec GroupKFold(int folds = 5, int repeats = 1, int seed = 42) => new(SplitKind.GroupKFold, folds, repeats, seed);

    /// <summary>One training part and one test part holding <paramref name="testFraction"/> of the rows.</summary>
    public static SplitSpec Holdout(double testFraction = 0.2, int repeats = 1, int seed = 42) => new(SplitKind.Holdout, Repeats: repeats, Seed: seed, HoldoutFraction: testFraction);

    /// <summary>Each row is the test part once.</summary>
    public static SplitSpec LeaveOneOut() => new(SplitKind.LeaveOneOut, Seed: 42);

    /// <summary>Each group is the test part once.</summary>
    public static SplitSpec LeaveOneGroupOut() => new(SplitKind.LeaveOneGroupOut, Seed: 42);
}
