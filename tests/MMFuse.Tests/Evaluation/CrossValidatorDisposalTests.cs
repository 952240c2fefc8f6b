using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion;
using MMFuse.Tests.Evaluation.Analysis;
using MMFuse.Tests.Fusion.Joint;

namespace MMFuse.Tests.Evaluation;

/// <summary>Fold models can hold native memory (libtorch networks): cross-validation disposes each one once its test
/// rows are predicted, and a model that wraps others passes the disposal on.</summary>
public sealed class CrossValidatorDisposalTests
{
    [Fact]
    public void Every_fold_model_is_disposed_after_it_predicts()
    {
        var (features, targets, folds) = AnalysisTestData.Make(rows: 60);
        var strategy = new Counting(new EarlyFusionStrategy("logreg"));
        CrossValidator.Run(features, targets, TaskKind.Multiclass, 3, folds, strategy, NormalizeMode.ZScore, 7, 2);
        Assert.Equal(folds.Count, strategy.Fitted);
        Assert.Equal(folds.Count, strategy.Disposed);
    }

    [Fact]
    public void An_early_mlp_model_frees_its_network_when_disposed()
    {
        var (features, targets, _) = AnalysisTestData.Make(rows: 60);
        var train = new FusionTrainingSet(FittedFeatures.Fit(features).Transform(features), targets, TaskKind.Multiclass, 3, 1);
        var model = new EarlyFusionStrategy("mlp", new MMFuse.Learners.Torch.MlpOptions(Training: JointTestData.Fast(epochs: 2).Training)).Fit(train);
        Assert.Equal(60, model.Predict(train.Blocks).Length);
        model.Dispose();
        Assert.ThrowsAny<Exception>(() => model.Predict(train.Blocks)); // the network's native module is gone
    }

    private sealed class Counting(IFusionStrategy inner) : IFusionStrategy
    {
        private int _fitted;
        private int _disposed;

        public int Fitted => _fitted;
        public int Disposed => _disposed;
        public string Name => inner.Name;
        public string Fusion => inner.Fusion;

        public IFusionModel Fit(FusionTrainingSet train)
        {
            Interlocked.Increment(ref _fitted);
            return new Model(inner.Fit(train), () => Interlocked.Increment(ref _disposed));
        }

        private sealed class Model(IFusionModel inner, Action onDispose) : IFusionModel
        {
            public float[][] Predict(IReadOnlyList<FeatureBlock> blocks) => inner.Predict(blocks);

            public (System.Text.Json.Nodes.JsonObject Spec, IReadOnlyList<(string Name, string Kind, Action<Stream> Write)> Payloads) Describe() => inner.Describe();

            public void Dispose()
            {
                inner.Dispose();
                onDispose();
            }
        }
    }
}
