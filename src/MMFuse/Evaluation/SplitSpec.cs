using System.Globalization;
using MMFuse.Data;

namespace MMFuse.Evaluation;

/// <summary>A cross-validation plan. <see cref="Folds"/> applies to the k-fold kinds, <see cref="HoldoutFraction"/>
/// (share of rows tested) to holdout; <see cref="Repeats"/> re-runs the split with seeds derived from <see cref="Seed"/>.</summary>
public sealed record SplitSpec(
    SplitKind Kind = SplitKind.StratifiedKFold,
    int Folds = 5,
    int Repeats = 1,
    int Seed = 0,
    double HoldoutFraction = 0.2)
{
    private static readonly (SplitKind Kind, string Name)[] Names =
    [
        (SplitKind.Holdout, "holdout"),
        (SplitKind.KFold, "kfold"),
        (SplitKind.StratifiedKFold, "stratified-kfold"),
        (SplitKind.GroupKFold, "group-kfold"),
        (SplitKind.LeaveOneOut, "loo"),
        (SplitKind.LeaveOneGroupOut, "logo"),
    ];

    /// <summary>Stratified 5-fold for classification (as scikit-learn's cross_val_score), plain 5-fold for regression.</summary>
    public static SplitSpec DefaultFor(TaskKind task, int seed = 0) =>
        new(task == TaskKind.Regression ? SplitKind.KFold : SplitKind.StratifiedKFold, Seed: seed);

    /// <summary>The kind's JSON name: holdout, kfold, stratified-kfold, group-kfold or loo.</summary>
    public string Name => Names.First(n => n.Kind == Kind).Name;

    /// <summary>Parses a JSON/CLI kind name.</summary>
    public static SplitKind ParseKind(string name)
    {
        foreach (var (kind, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
                return kind;
        }
        throw new ArgumentException(
            $"Unknown split '{name}'. Valid splits: {string.Join(", ", Names.Select(n => n.Name))}.", nameof(name));
    }

    /// <summary>JSON name plus the parameters that matter for it, e.g. <c>stratified-kfold(folds=5, repeats=3, seed=42)</c>,
    /// <c>holdout(fraction=0.2, repeats=1, seed=0)</c>, <c>loo</c>.</summary>
    public string Describe() => Kind switch
    {
        SplitKind.LeaveOneOut or SplitKind.LeaveOneGroupOut => Name,
        SplitKind.Holdout => string.Create(CultureInfo.InvariantCulture,
            $"{Name}(fraction={HoldoutFraction}, repeats={Repeats}, seed={Seed})"),
        _ => $"{Name}(folds={Folds}, repeats={Repeats}, seed={Seed})",
    };

    internal void Validate()
    {
        if (!Enum.IsDefined(Kind))
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown split kind.");
        if (Repeats < 1)
            throw new ArgumentException($"Repeats must be at least 1, got {Repeats}.");
        if (Kind is SplitKind.LeaveOneOut or SplitKind.LeaveOneGroupOut && Repeats != 1)
            throw new ArgumentException($"{Name} has a single possible split; repeats must be 1.");
        if (Kind is SplitKind.KFold or SplitKind.StratifiedKFold or SplitKind.GroupKFold && Folds < 2)
            throw new ArgumentException($"{Name} needs at least 2 folds, got {Folds}.");
        if (Kind == SplitKind.Holdout && !(HoldoutFraction > 0 && HoldoutFraction < 1))
            throw new ArgumentException($"Holdout fraction must be strictly between 0 and 1, got {HoldoutFraction}.");
    }
}
