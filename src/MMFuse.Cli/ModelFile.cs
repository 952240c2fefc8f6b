using System.Text.Json.Nodes;
using MMFuse.Bundle;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Fusion;

namespace MMFuse.Cli;

/// <summary>
/// What the CLI stores in a model file and reads back: the schema, the feature plan and extractor signatures,
/// the fitted featurisers, the fusion model with its payloads, the label map, the seed and training metrics.
/// </summary>
internal sealed record ModelFile(ModelManifest Manifest, FeaturePlan Plan, FittedFeatures Fitted, IFusionModel Model)
{
    private const string PlanKey = "plan";
    private const string FeaturesKey = "features";

    public static ModelManifest Save(string path, LearningData data, FittedFeatures fitted, IFusionModel model, int seed,
        IReadOnlyDictionary<string, double> trainingMetrics, ModelSigningKey? signingKey)
    {
        var (spec, payloads) = model.Describe();
        var manifest = new ModelManifest
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            Schema = ManifestSchema.From(data.Table.Schema),
            Extractors = data.Extractions.Select(e => ManifestExtractor.From(e.Column.Name, e.Column.Role, e.Report.Extractor)).ToList(),
            Preprocessing = new Dictionary<string, JsonNode> { [PlanKey] = data.Plan.ToJson(), [FeaturesKey] = fitted.ToJson() },
            Fusion = spec,
            LabelMap = data.Classes,
            Seed = seed,
            TrainingMetrics = trainingMetrics,
        };
        var writer = new ModelBundleWriter(manifest);
        foreach (var (name, kind, write) in payloads)
            writer.AddPayload(name, kind, write);
        return writer.Write(path, signingKey);
    }

    public static ModelFile Load(string path, ModelSigningKey? signingKey)
    {
        var bundle = ModelBundle.Load(path, new ModelLoadOptions { SigningKey = signingKey });
        var manifest = bundle.Manifest;
        try
        {
            var plan = FeaturePlan.FromJson(manifest.Preprocessing[PlanKey]);
            var fitted = FittedFeatures.FromJson(manifest.Preprocessing[FeaturesKey]);
            var model = FusionModels.Load(manifest.Fusion, bundle.LoadPredictor);
            return new ModelFile(manifest, plan, fitted, model);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidDataException or NullReferenceException or InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new MMFuseInputException($"model file '{path}' is not a model this MMFuse can use: {ex.Message}", ex);
        }
    }

    public TaskKind Task => Manifest.Schema.Task ?? TaskKind.Multiclass;
}
