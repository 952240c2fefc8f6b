using MMFuse.Data;
using MMFuse.Fusion;
using MMFuse.Learners;

namespace MMFuse.Cli;

/// <summary><c>--stacking-bases</c>: learner names (logreg, gbdt, ...) and at most one of per-modality, concatenated,
/// both — what the bases see — in one comma-separated list, so the flag that always named the bases keeps doing so.</summary>
internal static class StackingBaseArgument
{
    private static readonly (string Name, StackingBases Inputs)[] Inputs =
        [("per-modality", StackingBases.PerModality), ("concatenated", StackingBases.Concatenated), ("both", StackingBases.Both)];

    /// <summary>The learners (null for the default ones) and the inputs (both when not named).</summary>
    public static (IReadOnlyList<string>? Learners, StackingBases Inputs) Parse(string? text)
    {
        var tokens = text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var inputs = tokens.Where(t => Inputs.Any(i => i.Name == t)).ToArray();
        if (inputs.Length > 1)
            throw new MMFuseInputException($"--stacking-bases: name at most one of per-modality, concatenated, both; got {string.Join(", ", inputs)}");
        var learners = tokens.Except(inputs).ToArray();
        foreach (var learner in learners)
            if (!LearnerFactory.Names.Contains(learner))
                throw new MMFuseInputException($"--stacking-bases: '{learner}' is not one of {string.Join(", ", LearnerFactory.Names)}, per-modality, concatenated, both");
        return (learners.Length == 0 ? null : learners, inputs.Length == 0 ? StackingBases.Both : Inputs.First(i => i.Name == inputs[0]).Inputs);
    }
}
