namespace MMFuse;

/// <summary>The inner cross-validation and the ensemble selection of <see cref="Selection.Nested"/>. The inner CV
/// multiplies the work (outer folds × inner folds × repeats fits of every strategy), hence the small defaults.</summary>
public sealed record SelectionOptions
{
    /// <summary>Folds of the inner cross-validation inside each outer training part.</summary>
    public int InnerFolds { get; init; } = 3;

    /// <summary>Repeats of the inner cross-validation (with derived seeds).</summary>
    public int InnerRepeats { get; init; } = 1;

    /// <summary>Rounds of greedy ensemble selection: at most this many picks, with replacement.</summary>
    public int EnsembleRounds { get; init; } = 10;

    /// <summary><see cref="Selection.Auto"/> selects nested up to this many rows.</summary>
    public int NestedRowLimit { get; init; } = 20_000;

    internal void Validate()
    {
        if (InnerFolds < 2)
            throw new Data.MMFuseInputException($"SelectionOptions.InnerFolds: {InnerFolds}; at least 2 are needed");
        if (InnerRepeats < 1)
            throw new Data.MMFuseInputException($"SelectionOptions.InnerRepeats: {InnerRepeats} is not a positive number");
        if (EnsembleRounds < 1)
            throw new Data.MMFuseInputException($"SelectionOptions.EnsembleRounds: {EnsembleRounds} is not a positive number");
    }
}
