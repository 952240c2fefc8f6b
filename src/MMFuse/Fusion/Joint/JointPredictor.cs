using System.Text;
using MMFuse.Data;
using MMFuse.Learners;
using MMFuse.Learners.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary>
/// A trained joint network as a predictor. An input row is the normalised blocks side by side followed by one
/// 1/0 presence flag per block (<see cref="JointArchitecture.Columns"/>); the output is softmax probabilities
/// (classification) or the de-standardised target (regression). Saved as kind <see cref="KindName"/>.
/// </summary>
internal sealed class JointPredictor : IPredictor, IDisposable
{
    public const string KindName = "torch-joint";
    private const string Magic = "MMFUSE-TORCH-JOINT";
    private const int FormatVersion = 1;

    public JointPredictor(JointArchitecture architecture, TaskKind task, float targetMean, float targetScale, JointNetwork network, int threads)
    {
        Architecture = architecture;
        Task = task;
        TargetMean = targetMean;
        TargetScale = targetScale;
        Threads = threads;
        Network = network;
        Network.eval();
    }

    public string Kind => KindName;
    public JointArchitecture Architecture { get; }
    public TaskKind Task { get; }
    public float TargetMean { get; }
    public float TargetScale { get; }
    public int Threads { get; }
    public JointNetwork Network { get; }

    /// <summary>Filled in by the trainer; not saved with the weights.</summary>
    public TrainingResult? Training { get; init; }

    public float[][] Predict(float[][] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var (x, present) = Split(Architecture, features);
        var modalities = Architecture.Modalities;
        return TorchInference.Predict(features.Length, Threads, Task, TargetMean, TargetScale, (start, rows) => Network.forward(
            tensor(x.AsSpan(start * Inputs, rows * Inputs).ToArray(), rows, Inputs),
            tensor(present.AsSpan(start * modalities, rows * modalities).ToArray(), rows, modalities)));
    }

    private int Inputs => Architecture.Columns - Architecture.Modalities;

    /// <summary>Row-major block values and presence flags, checked: finite values, flags exactly 0 or 1.</summary>
    internal static (float[] X, bool[] Present) Split(JointArchitecture architecture, float[][] rows)
    {
        var (inputs, modalities) = (architecture.Columns - architecture.Modalities, architecture.Modalities);
        var x = new float[rows.Length * inputs];
        var present = new bool[rows.Length * modalities];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = rows[r];
            if (row.Length != architecture.Columns)
                throw new ArgumentException($"Row {r} has {row.Length} features; the joint network expects {architecture.Columns} " +
                    $"({inputs} block values and {modalities} presence flags).");
            for (var c = 0; c < inputs; c++)
                x[r * inputs + c] = float.IsFinite(row[c])
                    ? row[c]
                    : throw new ArgumentException($"Row {r}, feature {c} is {row[c]}; features must be finite numbers.");
            for (var m = 0; m < modalities; m++)
                present[r * modalities + m] = row[inputs + m] switch
                {
                    1f => true,
                    0f => false,
                    var v => throw new ArgumentException($"Row {r}: presence flag {m} is {v}; it must be 0 or 1."),
                };
        }
        return (x, present);
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        Architecture.Write(writer);
        writer.Write((int)Task);
        writer.Write(TargetMean);
        writer.Write(TargetScale);
        writer.Write(Threads);
        // TorchSharp's own state-dict format for the weights: float32 bits survive the round trip unchanged.
        Network.save(writer);
        writer.Flush();
    }

    public static JointPredictor Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var magic = reader.ReadString();
            if (magic != Magic)
                throw new InvalidDataException($"Not a saved MMFuse joint network (header '{magic}').");
            var version = reader.ReadInt32();
            if (version != FormatVersion)
                throw new InvalidDataException($"Saved joint network format {version} is not supported (expected {FormatVersion}).");
            var architecture = JointArchitecture.Read(reader);
            var task = (TaskKind)reader.ReadInt32();
            if (!Enum.IsDefined(task))
                throw new InvalidDataException($"Corrupt saved joint network: unknown task {(int)task}.");
            var (mean, scale, threads) = (reader.ReadSingle(), reader.ReadSingle(), reader.ReadInt32());
            var network = TorchRuntime.BuildToLoad(() => architecture.Build());
            try
            {
                network.load(reader);
            }
            catch
            {
                network.Dispose();
                throw;
            }
            return new JointPredictor(architecture, task, mean, scale, network, threads);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            throw new InvalidDataException("Not a complete saved MMFuse joint network: " + e.Message, e);
        }
    }

    public void Dispose() => Network.Dispose();
}
