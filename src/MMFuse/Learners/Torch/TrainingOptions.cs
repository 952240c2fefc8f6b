namespace MMFuse.Learners.Torch;

/// <summary>How a TorchSharp network is trained; shared by the MLP learner and the fusion networks.</summary>
/// <param name="Optimizer">gd (full-batch gradient descent), sgd, momentum, nesterov, adam or adamw.</param>
/// <param name="LearningRate">Null picks the optimiser's usual default (see <see cref="OptimizerFactory.DefaultLearningRate"/>).</param>
/// <param name="BatchSize">Rows per mini-batch; ignored by gd, which always uses every training row.</param>
/// <param name="Epochs">Upper bound on passes over the training rows; early stopping may end sooner.</param>
/// <param name="WeightDecay">L2 penalty (decoupled for adamw). Null: 0.01 for adamw, 0 otherwise.</param>
/// <param name="LrSchedule">none, step, cosine or plateau.</param>
/// <param name="Patience">Epochs without validation improvement before stopping; 0 disables early stopping.</param>
/// <param name="Seed">Seeds weight init, dropout and shuffling: same seed, same predictions.</param>
/// <param name="Threads">Intra-op threads for libtorch (process-wide); 0 or less leaves libtorch's default (all cores).
/// Defaults to 1: libtorch's OpenMP threads spin-wait, so on a busy machine two threads ran an MLP epoch on
/// 1,500×600 rows in ~960 ms against ~40 ms for one. Raise it only on an otherwise idle machine.</param>
public sealed record TrainingOptions(
    string Optimizer = "adam",
    double? LearningRate = null,
    int BatchSize = 64,
    int Epochs = 100,
    double? WeightDecay = null,
    string LrSchedule = "none",
    int Patience = 10,
    int Seed = 42,
    int Threads = 1)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work (an unknown optimiser or schedule, a rate or size out of range).</summary>
    public void Validate() => OptimizerFactory.Validate(this);
}
