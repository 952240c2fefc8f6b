using System.Globalization;
using MMFuse.Features.Preprocessing;
using MMFuse.Fusion.Joint;
using MMFuse.Learners.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Bench;

/// <summary>
/// Row 4: training epochs of the <c>joint-concat</c> network. MMFuse: the library's own <see cref="JointNetwork"/>
/// trained by its <see cref="TorchTrainer"/> with the loss <see cref="JointTrainer"/> uses (modality dropout, then
/// cross-entropy), default <see cref="JointOptions"/>, 2 threads. Peer: the same network written in PyTorch
/// (bench/peers/torch_joint.py) on the very same input rows. Each round trains <c>epochs</c> epochs with a fresh Adam
/// optimiser on a network that keeps training across rounds, and reports seconds per epoch.
/// </summary>
internal sealed class JointBench(ExportedFeatures data, string python, string script, int epochs, int rounds, TextWriter log)
{
    private const int Threads = 2;

    public RowResult Run()
    {
        var loadBefore = MachineInfo.LoadAverage();
        // Every row trains (no validation split, no early stopping): the timed loop is the epoch itself.
        var options = new JointOptions(ValidationFraction: 0);
        var training = new TrainingOptions(Epochs: epochs, Patience: 0, Seed: ExportedFeatures.Seed, Threads: Threads);
        var blocks = data.Features.Pretrained;
        var assembler = new EarlyFusionModel(blocks.Select(b => BlockNormalizer.Fit(b, NormalizeMode.ZScore)).ToArray(),
            blocks.Select(b => b.Modality).ToArray());
        var rows = assembler.Transform(blocks);
        var architecture = JointArchitecture.From(JointKind.Concat, assembler.Normalizers.Select(n => n.Dimension), options, data.ClassCount);
        var (flat, flags) = JointPredictor.Split(architecture, rows);
        var inputs = architecture.Columns - architecture.Modalities;

        var folder = Directory.CreateTempSubdirectory("mmfuse-bench-joint-").FullName;
        try
        {
            Npy.Write(Path.Combine(folder, "joint_x.npy"), [.. flat.Chunk(inputs)]);
            Npy.Write(Path.Combine(folder, "joint_present.npy"), [.. flags.Select(f => f ? 1f : 0f).Chunk(architecture.Modalities)]);
            Npy.Write(Path.Combine(folder, "y.npy"), data.Targets.Select(t => (long)t).ToArray());
            using var peer = new PeerProcess("PyTorch", python, [script, folder, string.Join(',', architecture.Blocks), $"{epochs}"]);
            log.WriteLine($"  peer: {peer.Ready}");

            // As JointTrainer does: weights from the seeded global generator, dropout from the training's own generator.
            using var generator = new Generator(unchecked((ulong)training.Seed));
            using var network = TorchRuntime.Seeded(training, () => architecture.Build(generator));
            using var x = tensor(flat, data.Rows, inputs);
            using var present = tensor(flags, data.Rows, architecture.Modalities);
            using var y = tensor(data.Targets.Select(t => (long)t).ToArray());
            var parameters = network.parameters().Sum(p => p.numel());
            double ourLoss = double.NaN, theirLoss = double.NaN;

            // JointTrainer's loss, without its validation split.
            Tensor Loss(Tensor index)
            {
                var mask = ModalityDropout.Apply(present.index_select(0, index), options.ModalityDropout, generator);
                return nn.functional.cross_entropy(network.forward(x.index_select(0, index), mask), y.index_select(0, index));
            }

            var seconds = Alternation.Seconds(rounds,
            [
                ("MMFuse", () =>
                {
                    TorchRuntime.SetThreads(Threads);
                    TrainingResult? result = null;
                    var time = Alternation.Time(() => result = new TorchTrainer(training).Train(network, data.Rows, Loss, null));
                    ourLoss = result!.TrainLosses[^1];
                    return time / epochs;
                }),
                ("PyTorch", () =>
                {
                    var answer = peer.Ask("run", "result").Split(' ');
                    theirLoss = double.Parse(answer[1], CultureInfo.InvariantCulture);
                    return double.Parse(answer[0], CultureInfo.InvariantCulture);
                }),
            ], log);

            var sides = new[]
            {
                new SideResult("MMFuse joint-concat (TorchSharp, TorchTrainer)", "ms/epoch", [.. seconds[0].Select(s => s * 1000)]),
                new SideResult("PyTorch twin (bench/peers/torch_joint.py)", "ms/epoch", [.. seconds[1].Select(s => s * 1000)]),
            };
            var checks = new[]
            {
                new CheckResult("MMFuse / PyTorch epoch time", Stats.Ratios(sides[0], sides[1]), 1.2, false, "≤ 1.2×",
                    "the network is tiny (a few ms of arithmetic per epoch), so the epoch is dominated by per-operation overhead: every " +
                    "TorchSharp call crosses P/Invoke and allocates a managed Tensor wrapper that the dispose scope tracks and frees, " +
                    "where PyTorch's Python bindings dispatch straight to the same C++ kernels. See the notes for the versions."),
            };
            var notes = new List<string>
            {
                $"{data.Rows} rows ({string.Join(" + ", architecture.Blocks)} z-scored columns + {architecture.Modalities} presence flags, the " +
                $"input MMFuse's joint network gets), {data.ClassCount} classes, {parameters:N0} parameters; {epochs} epochs per round after one " +
                "untimed warm-up round, the network training on across rounds, a fresh Adam optimiser each round on both sides " +
                "(MMFuse's TorchTrainer makes one per training).",
                $"Network (MMFuse defaults, JointOptions): per block Linear(d, {options.HiddenSize}) → {options.Activation} → Dropout({options.Dropout}); a learned " +
                $"absent embedding per block; concatenation; head Linear({architecture.Modalities * options.HiddenSize}, {options.HiddenSize}) → {options.Activation} → " +
                $"Dropout({options.Dropout}) → Linear({options.HiddenSize}, {data.ClassCount}); cross-entropy; modality dropout {options.ModalityDropout}; " +
                $"Adam lr {OptimizerFactory.DefaultLearningRate(training.Optimizer)}, batch {training.BatchSize}, shuffled each epoch; {Threads} intra-op threads on both sides.",
                $"MMFuse: TorchSharp {typeof(torch).Assembly.GetName().Version} (libtorch {TorchVersion()}); peer: {peer.Ready}. " +
                $"Last training loss: MMFuse {ourLoss:F4}, PyTorch {theirLoss:F4} (same network and data, different random draws).",
                "The peer is handicapped: Debian's python3-torch is built with BLAS_INFO=generic, i.e. against the system's " +
                "libblas.so.3, which on a plain Debian 12 is the reference BLAS (no libopenblas installed), while TorchSharp's libtorch " +
                "ships MKL; its Linear layers pay for that. The ratio says MMFuse's loop adds no overhead worth the name, not that " +
                "TorchSharp beats a well-built PyTorch.",
                "Timed: the training loop only (the data is already in tensors on both sides); no validation split, so no early stopping " +
                "and no per-epoch validation pass (`mmfuse` holds back 10 % for that by default).",
            };
            return new RowResult("joint", "Joint fusion network (joint-concat), one training epoch", $"{data.Rows} rows, {rounds} alternating rounds",
                sides, checks, notes, loadBefore, MachineInfo.LoadAverage());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string TorchVersion()
    {
        try { return torch.__version__; }
        catch (Exception ex) when (ex is not OutOfMemoryException) { return "?"; }
    }
}
