using MMFuse.Data;
using MMFuse.Fusion.Joint;
using MMFuse.Learners;
using MMFuse.Learners.Torch;

namespace MMFuse.Evaluation.Tuning;

/// <summary>
/// The searched settings of each learner and of the joint networks, and how sampled values become options. Ranges
/// bracket each default by about a decade either way (rates and penalties log-uniformly), so the defaults lie inside.
/// </summary>
internal static class LearnerSpaces
{
    /// <summary>The settings searched for <paramref name="learner"/> (<c>joint</c> for the joint networks).</summary>
    public static IReadOnlyList<Hyperparameter> For(string learner) => learner switch
    {
        "logreg" => [new("l2", 1e-3, 10, Log: true)],
        "svm" => [new("lambda", 1e-5, 1e-2, Log: true), new("iterations", 10, 50, Integer: true)],
        "gbdt" => [new("rounds", 50, 300, Log: true, Integer: true), new("leaves", 7, 63, Log: true, Integer: true),
            new("learning_rate", 0.03, 0.3, Log: true), new("min_leaf", 5, 40, Log: true, Integer: true)],
        "forest" => [new("trees", 50, 300, Log: true, Integer: true), new("leaves", 8, 64, Log: true, Integer: true)],
        "mlp" => [.. Network, new("hidden", 64, 512, Log: true, Integer: true)],
        "joint" => [.. Network, new("hidden", 0, 0, Choices: [32, 64, 96, 128])],
        _ => throw new MMFuseInputException($"learner '{learner}' has no search space; tunable: logreg, svm, gbdt, forest, mlp and the joint networks"),
    };

    private static readonly Hyperparameter[] Network =
    [
        new("learning_rate", 1e-4, 1e-2, Log: true), new("weight_decay", 1e-6, 1e-2, Log: true),
        new("dropout", 0, 0.5), new("epochs", 30, 150, Integer: true),
    ];

    /// <summary>The learner's options with the sampled values over <paramref name="baseline"/> (or the defaults).</summary>
    public static LearnerOptions? Options(string learner, LearnerOptions? baseline, IReadOnlyDictionary<string, double> v)
    {
        if (v.Count == 0)
            return baseline;
        double Get(string name, double fallback) => v.TryGetValue(name, out var value) ? value : fallback;
        switch (learner)
        {
            case "logreg":
            {
                var o = baseline as LogRegOptions ?? new LogRegOptions();
                return o with { L2 = Get("l2", o.L2) };
            }
            case "svm":
            {
                var o = baseline as SvmOptions ?? new SvmOptions();
                return o with { Lambda = Get("lambda", o.Lambda), Iterations = (int)Get("iterations", o.Iterations) };
            }
            case "gbdt":
            {
                var o = baseline as GbdtOptions ?? new GbdtOptions();
                return o with
                {
                    Iterations = (int)Get("rounds", o.Iterations), Leaves = (int)Get("leaves", o.Leaves),
                    LearningRate = Get("learning_rate", o.LearningRate), MinExamplesPerLeaf = (int)Get("min_leaf", o.MinExamplesPerLeaf),
                };
            }
            case "forest":
            {
                var o = baseline as ForestOptions ?? new ForestOptions();
                return o with { Trees = (int)Get("trees", o.Trees), Leaves = (int)Get("leaves", o.Leaves) };
            }
            case "mlp":
            {
                var o = baseline as MlpOptions ?? new MlpOptions();
                return o with
                {
                    HiddenSizes = v.TryGetValue("hidden", out var h) ? [(int)h] : o.HiddenSizes,
                    Dropout = Get("dropout", o.Dropout),
                    Training = Training(o.ResolvedTraining, v),
                };
            }
            default:
                throw new InvalidOperationException("no options for learner " + learner);
        }
    }

    /// <summary>The joint networks' options with the sampled values over <paramref name="baseline"/>.</summary>
    public static JointOptions? Joint(JointOptions? baseline, IReadOnlyDictionary<string, double> v)
    {
        if (v.Count == 0)
            return baseline;
        var o = baseline ?? new JointOptions();
        return o with
        {
            HiddenSize = v.TryGetValue("hidden", out var h) ? (int)h : o.HiddenSize,
            Dropout = v.TryGetValue("dropout", out var d) ? d : o.Dropout,
            Training = Training(o.ResolvedTraining, v),
        };
    }

    private static TrainingOptions Training(TrainingOptions o, IReadOnlyDictionary<string, double> v) => o with
    {
        LearningRate = v.TryGetValue("learning_rate", out var lr) ? lr : o.LearningRate,
        WeightDecay = v.TryGetValue("weight_decay", out var wd) ? wd : o.WeightDecay,
        Epochs = v.TryGetValue("epochs", out var e) ? (int)e : o.Epochs,
    };
}
