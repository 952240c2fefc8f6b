using System.Text.Json.Nodes;
using MMFuse.Features.Preprocessing;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>Rebuilds a trained fusion model from the specification it wrote with <see cref="IFusionModel.Describe"/>.</summary>
public static class FusionModels
{
    /// <summary>Rebuilds the model <paramref name="spec"/> describes; <paramref name="loadPredictor"/> reads a learner
    /// payload by name. An unknown fusion is an <see cref="InvalidDataException"/>.</summary>
    public static IFusionModel Load(JsonObject spec, Func<string, IPredictor> loadPredictor)
    {
        var fusion = spec["fusion"]?.GetValue<string>();
        return fusion switch
        {
            "early" => new EarlyFusionStrategy.Model(
                spec["learner"]!.GetValue<string>(),
                EarlyFusionModel.FromJson(spec["assembler"]!),
                loadPredictor(spec["predictor"]!.GetValue<string>())),
            "unimodal" => UnimodalStrategy.Load(spec, loadPredictor),
            _ when Joint.JointKinds.TryParse(fusion, out _) => Joint.JointFusionModel.Load(spec, loadPredictor),
            "late" => LateFusionModel.Load(spec, loadPredictor),
            "vote" => VoteModel.Load(spec, loadPredictor),
            "stacking" => StackingModel.Load(spec, loadPredictor),
            "ensemble" => EnsembleStrategy.Load(spec, loadPredictor),
            MultiLabel.BinaryRelevanceModel.Kind => MultiLabel.BinaryRelevanceModel.Load(spec, loadPredictor),
            MultiLabel.SharedHeadModel.Kind => MultiLabel.SharedHeadModel.Load(spec, loadPredictor),
            _ => throw new InvalidDataException($"unknown fusion '{fusion}' in the model file"),
        };
    }
}
