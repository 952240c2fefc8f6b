using System.Diagnostics;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Learners.Torch;
using MMFuse.Tests.Learners.Torch;
using Xunit.Abstractions;

namespace MMFuse.Tests.Fusion.Joint;

/// <summary>Manual timing (no assertion on time): epoch time of each kind on 1,500 rows of two blocks (256 + 416 dims),
/// default options, one thread. Remove the Skip to run; it takes about 30 s.</summary>
[Collection(TorchCollection.Name)]
public sealed class JointEpochTimings(ITestOutputHelper output)
{
    [Fact(Skip = "timing benchmark; remove Skip to run by hand")]
    public void Epoch_time_per_kind()
    {
        var random = new Random(1);
        var targets = Enumerable.Range(0, 1500).Select(i => (float)(i % 2)).ToArray();
        FeatureBlock Block(string name, int dims) => new(name, "bench", dims,
            targets.Select(t => Enumerable.Range(0, dims).Select(d => (float)(random.NextDouble() + (d == 0 ? t : 0))).ToArray()).ToArray(),
            Enumerable.Range(0, 1500).Select(i => i % 10 != 0).ToArray());
        var train = new FusionTrainingSet([Block("image", 256), Block("text", 416)], targets, TaskKind.Binary, 2, 1);
        const int epochs = 10;
        double Fit(JointKind kind, int n)
        {
            var options = new JointOptions(Training: new TrainingOptions(Epochs: n, Patience: 0));
            var clock = Stopwatch.StartNew();
            using var model = new JointFusionStrategy(kind, options).Train(train);
            Assert.Equal(n, model.Training!.EpochsRun);
            return clock.Elapsed.TotalMilliseconds;
        }
        foreach (var kind in JointKinds.All)
            Fit(kind, 1); // JIT and libtorch warm-up
        foreach (var kind in JointKinds.All)
        {
            // Fit(1 + epochs) - Fit(1) leaves out normalisation and set-up; best of two, as the machine is shared.
            var once = Math.Min(Fit(kind, 1), Fit(kind, 1));
            var more = Math.Min(Fit(kind, 1 + epochs), Fit(kind, 1 + epochs));
            output.WriteLine($"{JointKinds.Name(kind)}: {(more - once) / epochs:F0} ms/epoch (fit with 1 epoch: {once:F0} ms)");
        }
    }
}
