using MMFuse.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Learners.Torch;

/// <summary>A trained MLP: standardises the features, runs the network in eval mode, and returns softmax
/// probabilities (classification) or the de-standardised target (regression).</summary>
internal sealed class MlpPredictor : IPredictor, IDisposable
{
    public const string KindName = "torch-mlp";
    private const string Magic = "MMFUSE-TORCH-MLP";
    private const int FormatVersion = 1;
    private readonly nn.Module<Tensor, Tensor> _network;

    public MlpPredictor(MlpArchitecture architecture, TaskKind task, Standardiser features, float targetMean, float targetScale,
        nn.Module<Tensor, Tensor> network, int threads)
    {
        Architecture = architecture;
        Task = task;
        Features = features;
        TargetMean = targetMean;
        TargetScale = targetScale;
        Threads = threads;
        _network = network;
        _network.eval();
    }

    public string Kind => KindName;
    public MlpArchitecture Architecture { get; }
    public TaskKind Task { get; }
    public Standardiser Features { get; }
    public float TargetMean { get; }
    public float TargetScale { get; }
    public int Threads { get; }

    /// <summary>Filled in by the learner; not saved.</summary>
    public TrainingResult? Training { get; init; }

    public float[][] Predict(float[][] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var columns = Architecture.Inputs;
        var flat = Features.Transform(features);
        return TorchInference.Predict(features.Length, Threads, Task, TargetMean, TargetScale,
            (start, rows) => _network.forward(tensor(flat.AsSpan(start * columns, rows * columns).ToArray(), rows, columns)));
    }

    public void Save(Stream stream) => TorchPayload.Write(stream, Magic, FormatVersion, writer =>
    {
        Architecture.Write(writer);
        writer.Write((int)Task);
        Features.Write(writer);
        writer.Write(TargetMean);
        writer.Write(TargetScale);
        writer.Write(Threads);
        _network.save(writer);
    });

    public static MlpPredictor Load(Stream stream) => TorchPayload.Read(stream, Magic, FormatVersion, "MLP", reader =>
    {
        var architecture = MlpArchitecture.Read(reader);
        var task = TorchPayload.ReadTask(reader, "MLP");
        var features = Standardiser.Read(reader);
        var (mean, scale, threads) = (reader.ReadSingle(), reader.ReadSingle(), reader.ReadInt32());
        var network = TorchPayload.ReadWeights(reader, () => architecture.Build());
        return new MlpPredictor(architecture, task, features, mean, scale, network, threads);
    });

    public void Dispose() => _network.Dispose();
}
