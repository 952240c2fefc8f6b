using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Learners.Torch;
using MMFuse.Tests.Fusion;
using MMFuse.Tests.Fusion.Joint;

namespace MMFuse.Tests.Learners.Torch;

/// <summary>
/// Many trainings at once, several rounds, while another thread forces garbage collections and runs finalizers
/// without pause. TorchSharp frees a <c>Scalar</c>'s or tensor's native memory from its finalizer, so any native
/// call that still reads one its managed owner no longer holds fails here ("Unknown scalar type", toFloat at
/// c10/core/Scalar.h) or gives other numbers; every result must instead equal the same training run alone.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class ConcurrentTrainingStressTests
{
    /// <summary>tools/stress.sh raises it (MMFUSE_STRESS_ROUNDS) and shrinks the collector's young generation, which
    /// made the unfixed code fail within 25 rounds every time.</summary>
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("MMFUSE_STRESS_ROUNDS"), out var r) && r > 0 ? r : 3;

    [Fact]
    public void Joint_networks_and_mlps_trained_at_once_under_constant_collection_equal_their_runs_alone()
    {
        var data = SyntheticData.Blobs(160, 6, 3, seed: 7, spread: 1.5);
        var fusion = FusionTestData.Make(rows: 120);
        var joint = JointTestData.Fast(epochs: 12, dropout: 0.2, modalityDropout: 0.3);
        Func<float[][]> Mlp(string optimizer) => () =>
        {
            var options = new MlpOptions(Dropout: 0.2, Training: new TrainingOptions(Optimizer: optimizer, Epochs: 12, Patience: 0, Seed: 3));
            var model = new MlpLearner(options).Train(data);
            using (model)
                return model.Predict(data.Features);
        };
        Func<float[][]> Joint(JointKind kind) => () =>
        {
            var model = new JointFusionStrategy(kind, joint).Train(fusion);
            try
            {
                return model.Predict(fusion.Blocks);
            }
            finally
            {
                (model as IDisposable)?.Dispose();
            }
        };
        // The CNN audio encoder adds batch normalisation, whose TorchSharp forward made temporary Scalars (HeldBatchNorm).
        var tones = ToneOrderData.Make(48, seed: 3);
        var cnn = JointTestData.Fast(epochs: 6, modalityDropout: 0) with { AudioEncoder = AudioEncoderKind.Cnn };
        float[][] Cnn()
        {
            var model = new JointFusionStrategy(JointKind.Concat, cnn).Train(tones);
            try
            {
                return model.Predict(tones.Blocks);
            }
            finally
            {
                (model as IDisposable)?.Dispose();
            }
        }
        Func<float[][]>[] trainings =
        [
            .. JointKinds.All.Select(Joint),
            Cnn,
            .. OptimizerFactory.OptimizerNames.Select(Mlp),
        ];
        Assert.True(trainings.Length >= 9);
        var alone = trainings.Select(t => t()).ToArray();

        var results = new float[Rounds * trainings.Length][][];
        using (new CollectionStorm())
        {
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = trainings.Length },
                i => results[i] = trainings[i % trainings.Length]());
        }

        for (var i = 0; i < results.Length; i++)
            Assert.Equal(alone[i % trainings.Length], results[i]);
    }

    /// <summary>A thread that collects and finalizes until disposed: finalizers then run in the middle of other
    /// threads' native calls, as a busy process's collections would, only far more often.</summary>
    private sealed class CollectionStorm : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;

        public CollectionStorm()
        {
            _thread = new Thread(() =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                }
            }) { IsBackground = true, Name = "collection storm" };
            _thread.Start();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join();
            _stop.Dispose();
        }
    }
}
