using System.Text.Json.Nodes;
using MMFuse.Features;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>
/// One learner per modality (null for a modality whose training rows could not train one), plus the task and prior.
/// Late fusion and voting differ only in how they combine these per-modality predictions.
/// </summary>
internal sealed class ModalityEnsemble(IReadOnlyList<string> modalities, IReadOnlyList<ModalityModel?> models, FusionTarget target) : IDisposable
{
    public void Dispose()
    {
        foreach (var model in models)
            model?.Dispose();
    }

    public IReadOnlyList<string> Modalities => modalities;

    public FusionTarget Target => target;

    public static ModalityEnsemble Fit(FusionTrainingSet train, BlockLearner learner) => new(
        train.Blocks.Select(b => b.Modality).ToArray(),
        train.Blocks.Select(b => learner.Fit(b, train.Targets, train.Weights)).ToArray(),
        FusionTarget.Of(train));

    /// <summary>Per modality (fitted order), per row: a prediction, or null where absent or untrained.</summary>
    public IReadOnlyList<float[]?[]> Predict(IReadOnlyList<FeatureBlock> blocks)
    {
        var selected = FusionBlocks.Select(blocks, modalities);
        return selected.Select((b, m) => models[m]?.Predict(b) ?? new float[]?[b.Count]).ToArray();
    }

    /// <summary>Whether the modality has a trained learner.</summary>
    public bool Trained(int modality) => models[modality] is not null;

    /// <summary>The modality weights by name.</summary>
    public IReadOnlyDictionary<string, double> ByModality(IReadOnlyList<double> weights) =>
        modalities.Select((m, i) => (m, weights[i])).ToDictionary(p => p.m, p => p.Item2, StringComparer.Ordinal);

    /// <summary>Adds the spec fields shared by late fusion and voting to <paramref name="spec"/> (target, weights, one
    /// entry per modality with payload <c>prefix.modality</c>) and returns the payloads.</summary>
    public List<(string Name, string Kind, Action<Stream> Write)> Describe(JsonObject spec, string prefix, IReadOnlyList<double> weights)
    {
        var entries = new JsonArray();
        var payloads = new List<(string, string, Action<Stream>)>();
        for (var m = 0; m < modalities.Count; m++)
        {
            var entry = new JsonObject { ["modality"] = modalities[m] };
            if (models[m] is { } model)
            {
                var (own, payload) = model.Describe(ModalityModel.PayloadName(prefix, modalities[m], m));
                entry["model"] = own;
                payloads.Add(payload);
            }
            entries.Add(entry);
        }
        var byName = new JsonObject();
        for (var m = 0; m < modalities.Count; m++)
            byName[modalities[m]] = weights[m];
        spec["target"] = target.ToJson();
        spec["weights"] = byName;
        spec["modalities"] = entries;
        return payloads;
    }

    /// <summary>Reads back what <see cref="Describe"/> wrote: the ensemble and its weights in modality order.</summary>
    public static (ModalityEnsemble Ensemble, double[] Weights) Load(JsonObject spec, Func<string, IPredictor> loadPredictor)
    {
        var entries = spec["modalities"]!.AsArray();
        var ensemble = new ModalityEnsemble(
            entries.Select(e => e!["modality"]!.GetValue<string>()).ToArray(),
            entries.Select(e => e!["model"] is { } m ? ModalityModel.Load(m, loadPredictor) : null).ToArray(),
            FusionTarget.FromJson(spec["target"]!));
        return (ensemble, ensemble.Modalities.Select(m => spec["weights"]![m]!.GetValue<double>()).ToArray());
    }

    /// <summary>
    /// Per row, the weighted average of the present modalities' predictions with the weights renormalised over them;
    /// the prior where no modality with a positive weight is present.
    /// </summary>
    public float[][] Average(IReadOnlyList<float[]?[]> predictions, IReadOnlyList<double> weights)
    {
        var rows = predictions.Count == 0 ? 0 : predictions[0].Length;
        var result = new float[rows][];
        var sum = new double[target.Width];
        for (var r = 0; r < rows; r++)
        {
            Array.Clear(sum);
            double total = 0;
            for (var m = 0; m < predictions.Count; m++)
            {
                if (predictions[m][r] is not { } p || !(weights[m] > 0))
                    continue;
                total += weights[m];
                for (var c = 0; c < sum.Length; c++)
                    sum[c] += weights[m] * p[c];
            }
            result[r] = total > 0 ? sum.Select(s => (float)(s / total)).ToArray() : (float[])target.Prior.Clone();
        }
        return result;
    }
}
