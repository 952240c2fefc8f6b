namespace MMFuse.Evaluation;

/// <summary>How rows are divided into train/test folds. JSON names: see <see cref="SplitSpec.Name"/>.</summary>
public enum SplitKind
{
    /// <summary>One train/test split (a test fraction), stratified when classes are given.</summary>
    Holdout,
    /// <summary>K folds of shuffled rows, each the test part once.</summary>
    KFold,
    /// <summary>K folds that keep each class's share in every fold.</summary>
    StratifiedKFold,
    /// <summary>K folds with each group wholly on one side of every split.</summary>
    GroupKFold,
    /// <summary>One fold per row: each row is the test part once.</summary>
    LeaveOneOut,

    /// <summary>One fold per group: each group is the test part once (scikit-learn's LeaveOneGroupOut).</summary>
    LeaveOneGroupOut,
}
