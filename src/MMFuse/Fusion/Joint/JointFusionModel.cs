using System.Text.Json.Nodes;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Learners;
using MMFuse.Learners.Torch;

namespace MMFuse.Fusion.Joint;

/// <summary>
/// A trained joint fusion model: the per-block normalisers (with a presence flag for every block) feeding the
/// <see cref="JointPredictor"/>. The model file holds the spec (kind, options, block layout, normalisers, learning
/// curves) and one payload of kind <see cref="JointPredictor.KindName"/> with the architecture and weights.
/// </summary>
internal sealed class JointFusionModel(JointKind kind, JointOptions options, EarlyFusionModel assembler, JointPredictor predictor,
    TrainingResult? training) : IFusionModel, IDisposable
{
    public const string PayloadName = "joint.network";

    public JointKind Kind => kind;
    public JointOptions Options => options;
    public EarlyFusionModel Assembler => assembler;
    public JointPredictor Predictor => predictor;

    /// <summary>Per-epoch training and validation losses (the learning curves); kept in the model file too.</summary>
    public TrainingResult? Training => training;

    public float[][] Predict(IReadOnlyList<FeatureBlock> blocks) => predictor.Predict(assembler.Transform(blocks));

    public (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe()
    {
        var name = JointKinds.Name(kind);
        var spec = new JsonObject
        {
            ["strategy"] = name,
            ["fusion"] = name,
            ["options"] = PreprocessingJson.ToNode(options),
            ["blocks"] = new JsonArray(assembler.Normalizers.Select(n => (JsonNode)new JsonObject
            {
                ["name"] = n.Modality,
                ["extractor"] = n.ExtractorId,
                ["dimension"] = n.Dimension,
            }).ToArray()),
            ["architecture"] = predictor.Architecture.ToJson(),
            ["assembler"] = assembler.ToJson(),
            ["predictor"] = PayloadName,
        };
        if (training is not null)
            spec["training"] = PreprocessingJson.ToNode(training);
        return (spec, [(PayloadName, predictor.Kind, predictor.Save)]);
    }

    public static JointFusionModel Load(JsonObject spec, Func<string, IPredictor> loadPredictor)
    {
        var kind = JointKinds.Parse(spec["fusion"]?.GetValue<string>() ?? "");
        var assembler = EarlyFusionModel.FromJson(spec["assembler"] ?? throw new InvalidDataException("The joint model has no 'assembler'."));
        var options = PreprocessingJson.FromNode<JointOptions>(spec["options"], "joint options");
        var training = spec["training"] is { } t ? PreprocessingJson.FromNode<TrainingResult>(t, "training record") : null;
        var payload = spec["predictor"]?.GetValue<string>() ?? throw new InvalidDataException("The joint model names no predictor payload.");
        var loaded = loadPredictor(payload);
        if (loaded is not JointPredictor predictor)
            throw new InvalidDataException($"Payload '{payload}' is a '{loaded.Kind}' predictor, not a joint network.");
        if (predictor.Architecture.Kind != kind || !predictor.Architecture.Blocks.SequenceEqual(assembler.Normalizers.Select(n => n.Dimension)))
        {
            predictor.Dispose();
            throw new InvalidDataException("The joint network payload does not match the model's fusion kind or block layout.");
        }
        return new JointFusionModel(kind, options, assembler, predictor, training);
    }

    public void Dispose() => predictor.Dispose();
}
