using System.Text.Json.Nodes;
using MMFuse.Features;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>
/// A baseline that uses one modality only (<c>&lt;modality&gt;-only/&lt;learner&gt;</c>): the block alone through
/// early fusion. Every fusion strategy should beat the best of these to be worth its cost.
/// </summary>
public sealed class UnimodalStrategy(string block, string learner, LearnerOptions? options = null) : IFusionStrategy
{
    /// <summary><inheritdoc /></summary>
    public string Name => $"{block}-only/{learner}";

    /// <summary><inheritdoc /></summary>
    public string Fusion => "unimodal";

    /// <summary>The one block the strategy learns from.</summary>
    public string Block => block;

    /// <summary><inheritdoc /></summary>
    public IFusionModel Fit(FusionTrainingSet train)
    {
        var inner = new EarlyFusionStrategy(learner, options).Fit(train with { Blocks = [Select(train.Blocks, block)] });
        return new Model(block, learner, inner);
    }

    private static FeatureBlock Select(IReadOnlyList<FeatureBlock> blocks, string name) =>
        blocks.FirstOrDefault(b => b.Modality == name)
        ?? throw new ArgumentException($"no block '{name}' among {string.Join(", ", blocks.Select(b => b.Modality))}");

    internal sealed class Model(string block, string learner, IFusionModel inner) : IFusionModel
    {
        public float[][] Predict(IReadOnlyList<FeatureBlock> blocks) => inner.Predict([Select(blocks, block)]);

        public (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe()
        {
            var (spec, payloads) = inner.Describe();
            return (new JsonObject
            {
                ["strategy"] = $"{block}-only/{learner}",
                ["fusion"] = "unimodal",
                ["block"] = block,
                ["learner"] = learner,
                ["inner"] = spec,
            }, payloads);
        }

        public void Dispose() => inner.Dispose();
    }

    internal static IFusionModel Load(JsonObject spec, Func<string, IPredictor> loadPredictor) =>
        new Model(spec["block"]!.GetValue<string>(), spec["learner"]!.GetValue<string>(), FusionModels.Load(spec["inner"]!.AsObject(), loadPredictor));
}
