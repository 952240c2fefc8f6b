namespace MMFuse.Evaluation;

/// <summary>How rows are divided into train/test folds. JSON names: see <see cref="SplitSpec.Name"/>.</summary>
public enum SplitKind
{
    Holdout,
    KFold,
    StratifiedKFold,
    GroupKFold,
    LeaveOneOut,
}
