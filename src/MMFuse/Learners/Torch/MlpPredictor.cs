using System.Text;
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

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        Architecture.Write(writer);
        writer.Write((int)Task);
        Features.Write(writer);
        writer.Write(TargetMean);
        writer.Write(TargetScale);
        writer.Write(Threads);
        // TorchSharp's own state-dict format for the weights.
        _network.save(writer);
        writer.Flush();
    }

    public static MlpPredictor Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        string magic;
        try { magic = reader.ReadString(); }
        catch (Exception e) when (e is EndOfStreamException or IOException) { throw new InvalidDataException("Not a saved MMFuse MLP: " + e.Message, e); }
        if (magic != Magic)
            throw new InvalidDataException($"Not a saved MMFuse MLP (header '{magic}').");
        var version = reader.ReadInt32();
        if (version != FormatVersion)
            throw new InvalidDataException($"Saved MLP format {version} is not supported (expected {FormatVersion}).");
        var architecture = MlpArchitecture.Read(reader);
        var task = (TaskKind)reader.ReadInt32();
        if (!Enum.IsDefined(task))
            throw new InvalidDataException($"Corrupt saved MLP: unknown task {(int)task}.");
        var features = Standardiser.Read(reader);
        var mean = reader.ReadSingle();
        var scale = reader.ReadSingle();
        var threads = reader.ReadInt32();
        var network = TorchRuntime.BuildToLoad(() => architecture.Build());
        network.load(reader);
        return new MlpPredictor(architecture, task, features, mean, scale, network, threads);
    }

    public void Dispose() => _network.Dispose();
}
