using MMFuse.Data;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;
using MMFuse.Learners;

namespace MMFuse.Cli;

/// <summary>Maps command-line names to fusion strategies and normalisation modes, with clear errors for unknown ones.</summary>
internal static class Strategies
{
    public static IFusionStrategy Create(string fusion, string learner, LearnerOptions? options) => fusion switch
    {
        "early" => new EarlyFusionStrategy(learner, options),
        _ => throw new MMFuseInputException($"--fusion: '{fusion}' is not one of early"),
    };

    public static NormalizeMode ParseNormalize(string name)
    {
        try { return NormalizeModes.Parse(name); }
        catch (ArgumentException) { throw new MMFuseInputException($"--normalize: '{name}' is not one of zscore, minmax, none"); }
    }
}
