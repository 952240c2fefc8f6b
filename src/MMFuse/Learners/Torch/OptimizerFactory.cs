using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace MMFuse.Learners.Torch;

/// <summary>Maps the option names onto TorchSharp's optimisers (their step rewritten to hold every Scalar for its whole
/// native call: <see cref="HeldScalarAdam"/>) and <c>torch.optim.lr_scheduler</c>.</summary>
internal static class OptimizerFactory
{
    public static readonly IReadOnlyList<string> OptimizerNames = ["gd", "sgd", "momentum", "nesterov", "adam", "adamw"];
    public static readonly IReadOnlyList<string> ScheduleNames = ["none", "step", "cosine", "plateau"];

    /// <summary>Usual starting rates: the SGD family needs larger steps than the adaptive methods.</summary>
    public static double DefaultLearningRate(string optimizer) => Normalise(optimizer, OptimizerNames, "optimiser") switch
    {
        "gd" => 0.1,
        "sgd" or "momentum" or "nesterov" => 0.01,
        _ => 1e-3,
    };

    /// <summary>gd trains on every row per step; the rest use the configured mini-batch size.</summary>
    public static bool IsFullBatch(string optimizer) => Normalise(optimizer, OptimizerNames, "optimiser") == "gd";

    /// <summary>Throws with the valid names when an option is unknown; call before any training starts.</summary>
    public static void Validate(TrainingOptions options)
    {
        Normalise(options.Optimizer, OptimizerNames, "optimiser");
        Normalise(options.LrSchedule, ScheduleNames, "learning-rate schedule");
        if (options.Epochs < 1)
            throw new ArgumentException($"Epochs must be at least 1 (got {options.Epochs}).");
        if (options.BatchSize < 1)
            throw new ArgumentException($"Batch size must be at least 1 (got {options.BatchSize}).");
        if (options.LearningRate is { } lr && !(lr > 0 && double.IsFinite(lr)))
            throw new ArgumentException($"Learning rate must be a positive number (got {lr}).");
        if (options.WeightDecay is { } wd && !(wd >= 0 && double.IsFinite(wd)))
            throw new ArgumentException($"Weight decay must be zero or positive (got {wd}).");
    }

    public static Optimizer CreateOptimizer(IEnumerable<Parameter> parameters, TrainingOptions options)
    {
        var name = Normalise(options.Optimizer, OptimizerNames, "optimiser");
        var lr = options.LearningRate ?? DefaultLearningRate(name);
        var decay = options.WeightDecay ?? (name == "adamw" ? 0.01 : 0.0);
        return name switch
        {
            "gd" or "sgd" => new HeldScalarSgd(parameters, lr, momentum: 0, weightDecay: decay, nesterov: false),
            "momentum" => new HeldScalarSgd(parameters, lr, momentum: 0.9, weightDecay: decay, nesterov: false),
            "nesterov" => new HeldScalarSgd(parameters, lr, momentum: 0.9, weightDecay: decay, nesterov: true),
            "adam" => new HeldScalarAdam(parameters, lr, decay),
            "adamw" => new HeldScalarAdamW(parameters, lr, decay),
            _ => throw new InvalidOperationException("unreachable: " + name),
        };
    }

    /// <summary>Null for "none". Stepped once per epoch by <see cref="TorchTrainer"/>; plateau gets the
    /// validation loss (training loss when there is no validation split).</summary>
    public static lr_scheduler.LRScheduler? CreateSchedule(Optimizer optimizer, TrainingOptions options)
    {
        var name = Normalise(options.LrSchedule, ScheduleNames, "learning-rate schedule");
        return name switch
        {
            "none" => null,
            // Three drops by 10x over the run, the classic staircase.
            "step" => lr_scheduler.StepLR(optimizer, step_size: Math.Max(1, options.Epochs / 3), gamma: 0.1),
            "cosine" => lr_scheduler.CosineAnnealingLR(optimizer, T_max: options.Epochs),
            // Halve the rate well before early stopping would give up.
            "plateau" => lr_scheduler.ReduceLROnPlateau(optimizer, factor: 0.5, patience: Math.Max(1, options.Patience / 3)),
            _ => throw new InvalidOperationException("unreachable: " + name),
        };
    }

    public static bool IsPlateau(TrainingOptions options) =>
        Normalise(options.LrSchedule, ScheduleNames, "learning-rate schedule") == "plateau";

    private static string Normalise(string value, IReadOnlyList<string> valid, string what)
    {
        var name = (value ?? "").Trim().ToLowerInvariant();
        if (!valid.Contains(name))
            throw new ArgumentException($"Unknown {what} '{value}'. Valid: {string.Join(", ", valid)}.");
        return name;
    }
}
