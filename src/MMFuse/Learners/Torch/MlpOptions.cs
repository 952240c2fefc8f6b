namespace MMFuse.Learners.Torch;

/// <summary>Options of the <c>mlp</c> learner.</summary>
/// <param name="HiddenSizes">Width of each hidden layer; null means one layer of 256.</param>
/// <param name="Activation">relu, gelu or tanh.</param>
/// <param name="Dropout">Dropout probability after each hidden activation; 0 turns it off.</param>
/// <param name="LayerNorm">Layer normalisation after each hidden linear layer.</param>
/// <param name="ValidationFraction">Share of the training rows held back for early stopping (0 = none).</param>
/// <param name="Training">Optimiser, schedule, epochs, seed and threads.</param>
public sealed record MlpOptions(
    IReadOnlyList<int>? HiddenSizes = null,
    string Activation = "relu",
    double Dropout = 0.1,
    bool LayerNorm = false,
    double ValidationFraction = 0.1,
    TrainingOptions? Training = null) : LearnerOptions
{
    /// <summary>One hidden layer of 256, used when <see cref="HiddenSizes"/> is null.</summary>
    public static readonly IReadOnlyList<int> DefaultHiddenSizes = [256];

    /// <summary><see cref="HiddenSizes"/>, or <see cref="DefaultHiddenSizes"/> when it is null.</summary>
    public IReadOnlyList<int> ResolvedHiddenSizes => HiddenSizes ?? DefaultHiddenSizes;

    /// <summary><see cref="Training"/>, or the default training options when it is null.</summary>
    public TrainingOptions ResolvedTraining => Training ?? new TrainingOptions();
}
