using System.Text.Json.Nodes;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>A trained <see cref="StackingStrategy"/>: base learners per modality × algorithm, passthrough normalisers,
/// and the meta-learner over their predictions.</summary>
public sealed class StackingModel : IFusionModel
{
    private readonly string _meta;
    private readonly IReadOnlyList<string> _baseLearners;
    private readonly IReadOnlyList<string> _modalities;
    private readonly ModalityModel?[][] _bases;
    private readonly FittedNormalizer[] _passthrough;
    private readonly IPredictor _metaPredictor;
    private readonly FusionTarget _target;
    private readonly int _innerFolds;

    internal StackingModel(string meta, IReadOnlyList<string> baseLearners, IReadOnlyList<string> modalities, ModalityModel?[][] bases,
        FittedNormalizer[] passthrough, IPredictor metaPredictor, FusionTarget target, int innerFolds)
    {
        if (bases.Length != modalities.Count || bases.Any(b => b.Length != bases[0].Length || b.Length is not 0 && b.Length != baseLearners.Count))
            throw new ArgumentException("Stacking needs one base model slot per modality and base learner.", nameof(bases));
        (_meta, _baseLearners, _modalities, _bases, _passthrough, _metaPredictor, _target) =
            (meta, baseLearners, modalities, bases, passthrough, metaPredictor, target);
        _innerFolds = innerFolds;
    }

    /// <summary>The bases on the concatenated blocks, one per base learner (empty for per-modality stacking).</summary>
    internal IReadOnlyList<IFusionModel> Concatenated { get; init; } = [];

    /// <summary>Names of the meta-learner's input columns, in order.</summary>
    public IReadOnlyList<string> MetaFeatureNames => StackingFeatures.Names(_bases.Length > 0 && _bases[0].Length > 0 ? _modalities : [], _baseLearners,
        _target.Width, _passthrough.Select(n => (n.Modality, n.Dimension)).ToArray(), _modalities, Concatenated.Count > 0 ? _baseLearners : []);

    /// <summary><inheritdoc /></summary>
    public float[][] Predict(IReadOnlyList<FeatureBlock> blocks)
    {
        var selected = FusionBlocks.Select(blocks, _modalities);
        var predictions = new List<float[]?[]>();
        for (var m = 0; m < selected.Length; m++)
            foreach (var model in _bases[m])
                predictions.Add(model?.Predict(selected[m]) ?? new float[]?[selected[m].Count]);
        foreach (var model in Concatenated)
            predictions.Add(model.Predict(selected));
        var features = StackingFeatures.Build(predictions, selected.Select(b => b.Present).ToArray(), _target.Prior,
            StackingStrategy.Normalised(_passthrough, selected));
        return _metaPredictor.Predict(features);
    }

    /// <summary><inheritdoc /></summary>
    public (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe()
    {
        var payloads = new List<(string, string, Action<Stream>)> { ("stack.meta", _metaPredictor.Kind, _metaPredictor.Save) };
        var modalities = new JsonArray();
        for (var m = 0; m < _modalities.Count; m++)
        {
            var bases = new JsonObject();
            for (var b = 0; b < _bases[m].Length; b++)
            {
                if (_bases[m][b] is not { } model)
                {
                    bases[_baseLearners[b]] = null;
                    continue;
                }
                var (spec, payload) = model.Describe($"{ModalityModel.PayloadName("stack.base", _modalities[m], m)}.{_baseLearners[b]}");
                bases[_baseLearners[b]] = spec;
                payloads.Add(payload);
            }
            modalities.Add(new JsonObject { ["modality"] = _modalities[m], ["bases"] = bases });
        }
        var concatenated = new JsonArray();
        for (var b = 0; b < Concatenated.Count; b++)
        {
            var (spec, basePayloads) = Concatenated[b].Describe();
            concatenated.Add(spec);
            payloads.AddRange(basePayloads.Select(p => ($"stack.concat.{_baseLearners[b]}.{p.Name}", p.Kind, p.Write)));
        }
        var described = new JsonObject
        {
            ["strategy"] = $"stacking/{_meta}",
            ["fusion"] = "stacking",
            ["meta"] = _meta,
            ["innerFolds"] = _innerFolds,
            ["baseLearners"] = new JsonArray(_baseLearners.Select(b => (JsonNode?)b).ToArray()),
            ["target"] = _target.ToJson(),
            ["modalities"] = modalities,
            ["passthrough"] = new JsonArray(_passthrough.Select(n => (JsonNode?)n.ToJson()).ToArray()),
            ["metaFeatures"] = new JsonArray(MetaFeatureNames.Select(n => (JsonNode?)n).ToArray()),
            ["metaPredictor"] = "stack.meta",
        };
        // Written only when there are concatenated bases, so per-modality stacking is written as before.
        if (Concatenated.Count > 0)
        {
            described["concatenated"] = concatenated;
            described["perModality"] = _bases.Length > 0 && _bases[0].Length > 0;
        }
        return (described, payloads);
    }

    internal static StackingModel Load(JsonObject spec, Func<string, IPredictor> loadPredictor)
    {
        var baseLearners = spec["baseLearners"]!.AsArray().Select(b => b!.GetValue<string>()).ToArray();
        var modalities = spec["modalities"]!.AsArray();
        var perModality = spec["perModality"]?.GetValue<bool>() ?? true;
        var concatenated = spec["concatenated"] is JsonArray listed
            ? listed.Select((c, b) => FusionModels.Load(c!.AsObject(), n => loadPredictor($"stack.concat.{baseLearners[b]}.{n}"))).ToArray()
            : [];
        return new StackingModel(
            spec["meta"]!.GetValue<string>(),
            baseLearners,
            modalities.Select(m => m!["modality"]!.GetValue<string>()).ToArray(),
            modalities.Select(m => perModality
                ? baseLearners.Select(b => m!["bases"]![b] is { } node ? ModalityModel.Load(node, loadPredictor) : null).ToArray()
                : []).ToArray(),
            spec["passthrough"]!.AsArray().Select(n => FittedNormalizer.FromJson(n!)).ToArray(),
            loadPredictor(spec["metaPredictor"]!.GetValue<string>()),
            FusionTarget.FromJson(spec["target"]!),
            spec["innerFolds"]!.GetValue<int>()) { Concatenated = concatenated };
    }

    /// <summary>Disposes the base learners and the meta-learner.</summary>
    public void Dispose()
    {
        foreach (var model in _bases.SelectMany(b => b))
            model?.Dispose();
        foreach (var model in Concatenated)
            model.Dispose();
        (_metaPredictor as IDisposable)?.Dispose();
    }
}
