using MMFuse.Data;
namespace MMFuse.Evaluation.Tuning;

/// <summary>
/// The tuner's budget and plan: how many configurations to try (<see cref="Trials"/>) or for how long
/// (<see cref="Minutes"/>), successive halving's factor, the inner folds and the sampling seed.
/// </summary>
/// <param name="Trials">Configurations sampled (the first is the untuned defaults); null with <see cref="Minutes"/>
/// alone samples up to <see cref="MinutesOnlyTrials"/>; both null means <see cref="DefaultTrials"/>.</param>
/// <param name="Minutes">Wall-clock budget for the whole tuning (split evenly over outer folds under cross-validation), of
/// which the first rung may use half; null for none.</param>
/// <param name="HalvingFactor">Successive halving keeps the best 1/factor of the configurations at each rung and gives
/// them factor times as many inner folds.</param>
/// <param name="InnerFolds">Inner folds over the training rows; the last rung scores its survivors on all of them.</param>
/// <param name="Seed">Seeds the sampling of configurations and the inner folds.</param>
public sealed record TuningOptions(int? Trials = null, double? Minutes = null, int HalvingFactor = 3, int InnerFolds = 3, int Seed = 42)
{
    /// <summary>Configurations tried when neither a number nor a time budget is given.</summary>
    public const int DefaultTrials = 20;

    /// <summary>Configurations sampled when only a time budget is given; the budget usually stops the tuner first.</summary>
    public const int MinutesOnlyTrials = 64;

    /// <summary>The number of configurations to sample.</summary>
    public int PlannedTrials => Trials ?? (Minutes is null ? DefaultTrials : MinutesOnlyTrials);

    /// <summary>Throws <see cref="MMFuseInputException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Trials is < 1)
            throw new MMFuseInputException($"TuningOptions.Trials: {Trials} must be at least 1");
        if (Minutes is { } m && (!double.IsFinite(m) || m <= 0))
            throw new MMFuseInputException($"TuningOptions.Minutes: {m} must be a positive number of minutes");
        if (HalvingFactor < 2)
            throw new MMFuseInputException($"TuningOptions.HalvingFactor: {HalvingFactor} must be at least 2");
        if (InnerFolds < 2)
            throw new MMFuseInputException($"TuningOptions.InnerFolds: {InnerFolds} must be at least 2");
    }
}
