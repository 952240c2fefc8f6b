using System.Text.Json.Nodes;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Learners;

namespace MMFuse.Fusion;

/// <summary>
/// Data fusion: each block normalised on the training rows, the blocks side by side plus present/absent
/// indicators (see <see cref="EarlyFusion"/>), into one learner.
/// </summary>
public sealed class EarlyFusionStrategy(string learner, LearnerOptions? options = null) : IFusionStrategy
{
    /// <summary><inheritdoc /></summary>
    public string Name => $"early/{learner}";

    /// <summary><inheritdoc /></summary>
    public string Fusion => "early";

    /// <summary><inheritdoc /></summary>
    public IFusionModel Fit(FusionTrainingSet train)
    {
        var assembler = EarlyFusion.Fit(train.Blocks, train.Normalize);
        var predictor = LearnerFactory.Create(learner, train.Task, train.Seed, options)
            .Fit(new LearnerData(assembler.Transform(train.Blocks), train.Targets, train.Task, train.ClassCount, train.Weights));
        return new Model(learner, assembler, predictor);
    }

    internal sealed class Model(string learner, EarlyFusionModel assembler, IPredictor predictor) : IFusionModel
    {
        public float[][] Predict(IReadOnlyList<FeatureBlock> blocks) => predictor.Predict(assembler.Transform(blocks));

        public (JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe() =>
            (new JsonObject
            {
                ["strategy"] = $"early/{learner}",
                ["fusion"] = "early",
                ["learner"] = learner,
                ["assembler"] = assembler.ToJson(),
                ["predictor"] = "early.predictor",
            }, [("early.predictor", predictor.Kind, predictor.Save)]);

        public void Dispose() => (predictor as IDisposable)?.Dispose();
    }
}
