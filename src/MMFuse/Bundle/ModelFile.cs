using System.Text.Json.Nodes;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Fusion;
using MMFuse.Evaluation.Calibration;

namespace MMFuse.Bundle;

/// <summary>
/// What a model file stores and gives back: the schema, the feature plan and extractor signatures, the fitted
/// featurisers, the fusion model with its payloads, the label map, the seed and training metrics.
/// </summary>
internal sealed record ModelFile(ModelManifest Manifest, FeaturePlan Plan, FittedFeatures Fitted, IFusionModel Model)
{
    private const string CalibrationKey = "calibration";

    /// <summary>Recalibration and conformal threshold fitted out of fold at training; null when trained without.</summary>
    public ModelCalibration? Calibration { get; init; }

    private const string PlanKey = "plan";
    private const string FeaturesKey = "features";

    /// <summary>The manifest of a model just trained on <paramref name="data"/> (its payloads are listed when written).</summary>
    public static ModelFile Create(PreparedData data, FittedFeatures fitted, IFusionModel model, int seed, IReadOnlyDictionary<string, double> trainingMetrics)
    {
        var manifest = new ModelManifest
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            Schema = ManifestSchema.From(data.Table.Schema),
            Extractors = data.Extractions.Select(e => ManifestExtractor.From(e.Column.Name, e.Column.Role, e.Report.Extractor)).ToList(),
            Preprocessing = new Dictionary<string, JsonNode> { [PlanKey] = data.Plan.ToJson(), [FeaturesKey] = fitted.ToJson() },
            Fusion = model.Describe().Spec,
            LabelMap = data.Classes,
            Seed = seed,
            TrainingMetrics = trainingMetrics,
        };
        return new ModelFile(manifest, data.Plan, fitted, model);
    }

    /// <summary>Writes the file atomically (signed when a key is given); returns the manifest as written.</summary>
    public ModelManifest Save(string path, ModelSigningKey? signingKey)
    {
        var (spec, payloads) = Model.Describe();
        var preprocessing = new Dictionary<string, JsonNode>(Manifest.Preprocessing);
        if (Calibration is not null)
            preprocessing[CalibrationKey] = Calibration.ToJson();
        var writer = new ModelBundleWriter(Manifest with { CreatedUtc = DateTimeOffset.UtcNow, Fusion = spec, Payloads = [], Preprocessing = preprocessing });
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
            var calibration = manifest.Preprocessing.TryGetValue(CalibrationKey, out var node) ? ModelCalibration.FromJson(node) : null;
            return new ModelFile(manifest, plan, fitted, model) { Calibration = calibration };
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidDataException or NullReferenceException or InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new MMFuseInputException($"model file '{path}' is not a model this MMFuse can use: {ex.Message}", ex);
        }
    }

    public TaskKind Task => Manifest.Schema.Task ?? TaskKind.Multiclass;
}
