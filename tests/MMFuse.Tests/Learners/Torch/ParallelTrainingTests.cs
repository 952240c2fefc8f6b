using MMFuse.Data;
using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Learners.Torch;
using MMFuse.Tests.Fusion;
using MMFuse.Tests.Fusion.Joint;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Tests.Learners.Torch;

/// <summary>Cross-validation trains folds side by side; each training must still give what it gives alone.</summary>
[Collection(TorchCollection.Name)]
public sealed class ParallelTrainingTests
{
    [Fact]
    public void Trainings_run_side_by_side_give_the_predictions_they_give_alone()
    {
        var data = SyntheticData.Blobs(240, 6, 3, seed: 5, spread: 1.5);
        var fusion = FusionTestData.Make();
        var mlp = new MlpOptions(Dropout: 0.3, Training: new TrainingOptions(Epochs: 15, Patience: 0, Seed: 11));
        var joint = JointTestData.Fast(epochs: 15, dropout: 0.3, modalityDropout: 0.3);
        // Two seeds of each: equal seeds must agree, and different seeds must not collapse onto one generator.
        Func<float[][]>[] trainings =
        [
            () => new MlpLearner(mlp).Fit(data).Predict(data.Features),
            () => new MlpLearner(mlp with { Training = mlp.ResolvedTraining with { Seed = 12 } }).Fit(data).Predict(data.Features),
            () => Predict(new JointFusionStrategy(JointKind.Concat, joint), fusion),
            () => Predict(new JointFusionStrategy(JointKind.Gated, joint), fusion with { Seed = 9 }),
        ];

        var alone = trainings.Select(t => t()).ToArray();
        var sideBySide = new float[trainings.Length][][];
        Parallel.For(0, 4 * trainings.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var result = trainings[i % trainings.Length]();
            if (i >= trainings.Length)
                Assert.Equal(alone[i % trainings.Length], result);
            else
                sideBySide[i] = result;
        });

        Assert.Equal(alone, sideBySide);
        Assert.NotEqual(alone[0], alone[1]);
    }

    [Fact]
    public void Seeded_dropout_is_inverted_dropout_from_its_generator_and_the_identity_in_eval()
    {
        using var scope = NewDisposeScope();
        var input = ones(200, 50);
        using var first = new Generator(3);
        using var second = new Generator(3);
        var dropout = new SeededDropout(0.25, first);
        var again = new SeededDropout(0.25, second);

        var output = dropout.forward(input);

        using var zero = 0.ToScalar();
        using var kept = (1 / 0.75f).ToScalar();
        var zeroShare = output.eq(zero).to_type(ScalarType.Float32).mean().item<float>();
        Assert.InRange(zeroShare, 0.22, 0.28);
        Assert.True(output.masked_select(output.ne(zero)).eq(kept).all().item<bool>(), "kept values are scaled by 1/(1-p)");
        Assert.True(output.eq(again.forward(input)).all().item<bool>(), "the same seed gives the same mask");
        Assert.False(output.eq(dropout.forward(input)).all().item<bool>(), "the next draw gives another mask");
        dropout.eval();
        Assert.True(dropout.forward(input).eq(input).all().item<bool>());
    }

    private static float[][] Predict(JointFusionStrategy strategy, FusionTrainingSet train)
    {
        var model = strategy.Train(train);
        try
        {
            return model.Predict(train.Blocks);
        }
        finally
        {
            (model as IDisposable)?.Dispose();
        }
    }
}
