namespace MMFuse.Learners.Torch;

/// <summary>What a <see cref="TorchTrainer"/> run did: per-epoch mean losses, and where it stopped.</summary>
/// <param name="LearningRates">The rate in force after each epoch's schedule step.</param>
/// <param name="BestEpoch">1-based epoch whose weights were kept (the last one when nothing was monitored).</param>
internal sealed record TrainingResult(
    int EpochsRun,
    int BestEpoch,
    bool StoppedEarly,
    IReadOnlyList<double> TrainLosses,
    IReadOnlyList<double> ValidationLosses,
    IReadOnlyList<double> LearningRates);
