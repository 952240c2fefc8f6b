namespace MMFuse.Learners.Torch;

/// <summary>What a <see cref="TorchTrainer"/> run did: per-epoch mean losses, and where it stopped.</summary>
/// <param name="EpochsRun">Epochs actually run.</param>
/// <param name="BestEpoch">1-based epoch whose weights were kept (the last one when nothing was monitored).</param>
/// <param name="StoppedEarly">Whether early stopping ended the run before the last epoch.</param>
/// <param name="TrainLosses">Mean training loss of each epoch.</param>
/// <param name="ValidationLosses">Validation loss after each epoch; empty without a validation split.</param>
/// <param name="LearningRates">The rate in force after each epoch's schedule step.</param>
internal sealed record TrainingResult(
    int EpochsRun,
    int BestEpoch,
    bool StoppedEarly,
    IReadOnlyList<double> TrainLosses,
    IReadOnlyList<double> ValidationLosses,
    IReadOnlyList<double> LearningRates);
