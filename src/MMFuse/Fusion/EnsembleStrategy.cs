using System.Text.Json.Nodes;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>
/// An equal-weight average of several fusion strategies' predictions (probabilities, or values for regression),
/// each trained on the same rows. The members are fixed by name, not picked by the cross-validation that scores
/// the ensemble, so its score is as honest as any other strategy's.
/// </summary>
public sealed class EnsembleStrategy(string name, IReadOnlyList<IFusionStrategy> members) : IFusionStrategy
{
    /// <summary><inheritdoc /></summary>
    public string Name => name;

    /// <summary><inheritdoc /></summary>
    public string Fusion => "ensemble";

    /// <summary>The averaged strategies, in member order.</summary>
    public IReadOnlyList<IFusionStrategy> Members => members;

    /// <summary>Trains every member on the same rows.</summary>
    public IFusionModel Fit(FusionTrainingSet train) => new Model(name, members.Select(m => m.Fit(train)).ToArray(), train.Task);

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

    internal sealed class Model(string name, IFusionModel[] members, TaskKind task) : IFusionModel
    {
        public float[][] Predict(IReadOnlyList<FeatureBlock> blocks) => Average(members.Select(m => m.Predict(blocks)).ToArray());

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
            return (new JsonObject { ["strategy"] = name, ["fusion"] = "ensemble", ["task"] = task.ToString(), ["members"] = specs }, payloads);
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
        return new Model(spec["strategy"]!.GetValue<string>(), members, Enum.Parse<TaskKind>(spec["task"]!.GetValue<string>()));
    }
}
