using System.Text.Json;
using MMFuse.Fusion;
using MMFuse.Learners.Torch;

namespace MMFuse.Cluster;

/// <summary>
/// Strategies as data: <see cref="StrategyCatalog"/> names plus the learner's and fusion families' options, which is
/// what travels to a worker. Client and worker both build the strategy objects with <see cref="Create"/>, so a job
/// trains exactly the strategy the client asked for (strategy objects themselves are code, not data).
/// </summary>
/// <param name="Names">Leaderboard names (<c>early/logreg</c>, <c>joint-gated</c>, <c>ensemble</c>, ...), in order.</param>
/// <param name="LearnerOptions">The learner's options as the CLI builds them; null for the defaults.</param>
/// <param name="Settings">Vote weights, stacking bases, joint-network options; null for the defaults.</param>
/// <param name="Blocks">The data's modality blocks (checked by the catalog).</param>
public sealed record StrategyRecipe(IReadOnlyList<string> Names, MlpOptions? LearnerOptions, FusionSettings? Settings, IReadOnlyList<string> Blocks)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>One strategy object per name, ensembles made of the objects listed beside them (as the CLI's compare does).</summary>
    public List<IFusionStrategy> Create() => StrategyCatalog.Create(Names, LearnerOptions, Blocks, Settings);

    /// <summary>The recipe as JSON (doubles round-trip exactly), for shipping to workers.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Wire(Names.ToArray(), LearnerOptions, Settings, Blocks.ToArray()), Json);

    /// <summary>The recipe <see cref="ToJson"/> wrote.</summary>
    public static StrategyRecipe FromJson(string json)
    {
        var wire = JsonSerializer.Deserialize<Wire>(json, Json) ?? throw new InvalidDataException("empty strategy recipe");
        return new StrategyRecipe(wire.Names, wire.LearnerOptions, wire.Settings, wire.Blocks);
    }

    private sealed record Wire(string[] Names, MlpOptions? LearnerOptions, FusionSettings? Settings, string[] Blocks);
}
