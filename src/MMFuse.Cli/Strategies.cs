using MMFuse.Data;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Learners;
using MMFuse.Learners.Torch;

namespace MMFuse.Cli;

/// <summary>Maps strategy names (<c>early/logreg</c>, <c>image-only/gbdt</c>, ...) to fusion strategies, with clear errors.</summary>
internal static class Strategies
{
    /// <summary>What <c>compare</c> runs when <c>--strategies</c> is not given (unimodal baselines are added per block).</summary>
    public static readonly IReadOnlyList<string> Defaults = ["early/logreg", "early/mlp"];

    /// <summary>Learners tried for each modality alone; the best per modality is kept on the leaderboard.</summary>
    public static readonly IReadOnlyList<string> UnimodalLearners = ["logreg", "mlp"];

    public static IFusionStrategy Create(string fusion, string learner, LearnerOptions? options) => Parse($"{fusion}/{learner}", options, []);

    /// <summary>Parses a leaderboard name. Learner options apply where the named learner is the one they were made for.</summary>
    public static IFusionStrategy Parse(string name, LearnerOptions? options, IReadOnlyCollection<string> blocks)
    {
        var slash = name.IndexOf('/');
        var family = slash < 0 ? name : name[..slash];
        // Joint networks train their own encoders, so they take no learner; they use the command line's training options.
        if (JointKinds.TryParse(family, out var joint))
            return new JointFusionStrategy(joint, options is MlpOptions { Training: { } training } ? new JointOptions(Training: training) : null);
        var learner = slash < 0 ? "logreg" : name[(slash + 1)..];
        if (!LearnerFactory.Names.Contains(learner))
            throw new MMFuseInputException($"strategy '{name}': '{learner}' is not one of the learners {string.Join(", ", LearnerFactory.Names)}");
        var learnerOptions = OptionsFor(learner, options);
        if (family.EndsWith("-only", StringComparison.Ordinal))
        {
            var block = family[..^"-only".Length];
            if (blocks.Count > 0 && !blocks.Contains(block))
                throw new MMFuseInputException($"strategy '{name}': there is no modality block '{block}' (blocks: {string.Join(", ", blocks)})");
            return new UnimodalStrategy(block, learner, learnerOptions);
        }
        return family switch
        {
            "early" => new EarlyFusionStrategy(learner, learnerOptions),
            _ => throw new MMFuseInputException($"unknown strategy '{name}'; known: early/<learner>, <modality>-only/<learner>, {string.Join(", ", JointKinds.Names)}"),
        };
    }

    /// <summary>Options built from the command line describe one learner; other learners use their defaults.</summary>
    private static LearnerOptions? OptionsFor(string learner, LearnerOptions? options) => options switch
    {
        Learners.Torch.MlpOptions when learner == "mlp" => options,
        Learners.Torch.MlpOptions => null,
        _ => options,
    };

    public static NormalizeMode ParseNormalize(string name)
    {
        try { return NormalizeModes.Parse(name); }
        catch (ArgumentException) { throw new MMFuseInputException($"--normalize: '{name}' is not one of zscore, minmax, none"); }
    }
}
