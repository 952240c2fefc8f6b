using System.Text.Json.Nodes;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>
/// An equal-weight average of several fusion strategies' predictions (probabilities, or values for regression),
/// each trained on the same rows. The catalog's <c>ensemble</c> has members fixed by name, not picked by the
/// cross-validation that scores it, so its score is as honest as any other strategy's; ensemble selection
/// (<see cref="Evaluation.ModelSelection.EnsembleSelection"/>) builds one whose members repeat to weigh more.
/// </summary>
public sealed class EnsembleStrategy(string name, IReadOnlyList<IFusionStrategy> members) : IFusionStrategy
{
    /// <summary><inheritdoc /></summary>
    public string Name => name;

    /// <summary><inheritdoc /></summary>
    public string Fusion => "ensemble";

    /// <summary>The averaged strategies, in member order.</summary>
    public IReadOnlyList<IFusionStrategy> Members => members;

    /// <summary>Trains every member on the same rows; a member listed more than once (ensemble selection picks with
    /// replacement, so a member's weight is its share of the list) is trained once.</summary>
    public IFusionModel Fit(FusionTrainingSet train)
    {
        var distinct = members.Distinct(ReferenceEqualityComparer.Instance).Cast<IFusionStrategy>().ToList();
        var slots = members.Select(m => distinct.FindIndex(d => ReferenceEquals(d, m))).ToArray();
        return new Model(name, distinct.Select(m => m.Fit(train)).ToArray(), slots, train.Task);
    }

    /// <summary>The members' predictions averaged in member order; <see cref="Evaluation.Comparison"/> uses it to
    /// score the ensemble from its members' fold predictions, so both paths give the same numbers to the bit.</summary>
    public static float[][] Average(IReadOnlyList<float[][]> memberPredictions)
    {
        var result = new float[memberPredictions[0].Length][];
        for (var r = 0; r < result.Length; r++)
        {
            var row = new float[memberPredictions[0][r].Length];
            foreach (var predictions in memberPredictions)
                for (var c = 0; c < row.Length; c++)
                    row[c] += predictions[r][c] / memberPredictions.Count;
            result[r] = row;
        }
        return result;
    }

    /// <summary>The trained ensemble: each distinct member trained once; <c>slots</c> lists, per listed member, the index
    /// of its trained model, so a repeated member weighs more.</summary>
    internal sealed class Model(string name, IFusionModel[] members, int[] slots, TaskKind task) : IFusionModel
    {
        public float[][] Predict(IReadOnlyList<FeatureBlock> blocks)
        {
            var predicted = members.Select(m => m.Predict(blocks)).ToArray();
            return Average(slots.Select(s => predicted[s]).ToArray());
        }

        /// <summary>Each member's payloads are prefixed with its position so equal names (two joint networks) cannot clash.</summary>
        public (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe()
        {
            var specs = new JsonArray();
            var payloads = new List<(string, string, Action<Stream>)>();
            for (var i = 0; i < members.Length; i++)
            {
                var (spec, memberPayloads) = members[i].Describe();
                specs.Add(spec);
                payloads.AddRange(memberPayloads.Select(p => ($"ensemble.{i}.{p.Name}", p.Kind, p.Write)));
            }
            var described = new JsonObject { ["strategy"] = name, ["fusion"] = "ensemble", ["task"] = task.ToString(), ["members"] = specs };
            // Written only when a member repeats, so an ensemble of distinct members is written as before.
            if (!slots.SequenceEqual(Enumerable.Range(0, members.Length)))
                described["slots"] = new JsonArray(slots.Select(s => (JsonNode?)s).ToArray());
            return (described, payloads);
        }

        public void Dispose()
        {
            foreach (var member in members)
                member.Dispose();
        }
    }

    internal static IFusionModel Load(JsonObject spec, Func<string, IPredictor> loadPredictor)
    {
        var members = spec["members"]!.AsArray()
            .Select((m, i) => FusionModels.Load(m!.AsObject(), n => loadPredictor($"ensemble.{i}.{n}"))).ToArray();
        var slots = spec["slots"] is JsonArray listed ? listed.Select(s => s!.GetValue<int>()).ToArray() : Enumerable.Range(0, members.Length).ToArray();
        if (slots.Length == 0 || slots.Any(s => s < 0 || s >= members.Length))
            throw new InvalidDataException($"The ensemble's slots [{string.Join(", ", slots)}] do not index its {members.Length} members.");
        return new Model(spec["strategy"]!.GetValue<string>(), members, slots, Enum.Parse<TaskKind>(spec["task"]!.GetValue<string>()));
    }
}
