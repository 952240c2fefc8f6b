namespace MMFuse;

/// <summary>How <see cref="MultimodalDataset.Compare"/> picks what <c>--fusion best</c> trains, and how honestly it scores that pick.</summary>
public enum Selection
{
    /// <summary><see cref="Nested"/> up to <see cref="SelectionOptions.NestedRowLimit"/> rows (and not under leave-one-out), <see cref="Flat"/> above.</summary>
    Auto,

    /// <summary>The leaderboard's winner, picked on the very folds that score it (its score is optimistic).</summary>
    Flat,

    /// <summary>Ensemble selection (Caruana et al. 2004) over every strategy's out-of-fold predictions; the procedure is
    /// scored by an outer cross-validation whose inner one, on each outer training part only, makes the pick.</summary>
    Nested,
}
