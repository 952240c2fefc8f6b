using System.Text.Json.Nodes;
using MMFuse.Data;
using MMFuse.Evaluation.MultiLabel;
using MMFuse.Features;
using MMFuse.Fusion.Joint;
using MMFuse.Learners;

namespace MMFuse.Fusion.MultiLabel;

/// <summary>
/// A multi-label joint network with one output per label (<see cref="MultiLabelHead.Shared"/>) and the labels' decision
/// thresholds. Predicts <see cref="MultiLabelOutput"/> rows: the network's sigmoid probability per label, then whether
/// each clears its threshold. In the model file the network keeps its own joint spec under <c>network</c>.
/// </summary>
internal sealed class SharedHeadModel(JointFusionModel network, float[] thresholds) : IFusionModel
{
    public const string Kind = "multilabel-shared";

    /// <summary>The one network behind every label.</summary>
    public JointFusionModel Network => network;

    /// <summary>Each label's decision threshold, in label order.</summary>
    public IReadOnlyList<float> Thresholds => thresholds;

    /// <summary>Tunes the thresholds on inner folds of <paramref name="train"/> (<see cref="ThresholdTuner"/>), then
    /// trains the network on all of it.</summary>
    public static SharedHeadModel Fit(JointFusionStrategy strategy, FusionTrainingSet train, int thresholdFolds)
    {
        var sets = LabelSetCode.Decode(train.Targets, train.ClassCount);
        var thresholds = ThresholdTuner.Tune(train, sets, thresholdFolds,
            inner => new SharedHeadModel(strategy.Train(inner), ThresholdTuner.Untuned(inner.ClassCount)));
        return new SharedHeadModel(strategy.Train(train), thresholds);
    }

    public float[][] Predict(IReadOnlyList<FeatureBlock> blocks) =>
        network.Predict(blocks).Select(p => MultiLabelOutput.Row(p, thresholds)).ToArray();

    public (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe()
    {
        var (spec, payloads) = network.Describe();
        return (new JsonObject
        {
            ["strategy"] = spec["strategy"]!.GetValue<string>(),
            ["fusion"] = Kind,
            ["thresholds"] = new JsonArray(thresholds.Select(t => (JsonNode?)t).ToArray()),
            ["network"] = spec,
        }, payloads);
    }

    public void Dispose() => network.Dispose();

    public static IFusionModel Load(JsonObject spec, Func<string, IPredictor> loadPredictor)
    {
        var thresholds = spec["thresholds"]!.AsArray().Select(t => t!.GetValue<float>()).ToArray();
        var network = JointFusionModel.Load(spec["network"]?.AsObject() ?? throw new InvalidDataException("The multilabel model has no 'network'."), loadPredictor);
        if (network.Predictor.Task != TaskKind.Multilabel || network.Predictor.Architecture.Outputs != thresholds.Length)
        {
            network.Dispose();
            throw new InvalidDataException($"The multilabel network has {network.Predictor.Architecture.Outputs} outputs for a " +
                $"{network.Predictor.Task} task but the model has {thresholds.Length} thresholds.");
        }
        return new SharedHeadModel(network, thresholds);
    }
}
