namespace MMFuse.Evaluation;

/// <summary>How rows are divided into train/test folds. JSON names: see <see cref="SplitSpec.Name"/>.</summary>
public enum SplitKind
{
    Holdout,
    KFold,
    StratifiedKFold,
    GroupKFold,
    LeaveOneOut,

    /// <summary>One fold per group: each group is the test part once (scikit-learn's LeaveOneGroupOut).</summary>
    LeaveOneGroupOut,
}
