using MMFuse.Data;
using MMFuse.Learners;
using MMFuse.Learners.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary>
/// A trained joint network as a predictor. An input row is the normalised blocks side by side followed by one
/// 1/0 presence flag per block (<see cref="JointArchitecture.Columns"/>); the output is softmax probabilities
/// (classification), one sigmoid probability per label (multi-label) or the de-standardised target (regression). Saved as kind <see cref="KindName"/>.
/// </summary>
internal sealed class JointPredictor : IPredictor, IDisposable
{
    public const string KindName = "torch-joint";
    private const string Magic = "MMFUSE-TORCH-JOINT";
    // Format 2 adds each block's encoder (dense or spectrogram CNN); format 1 files (all dense) still load.
    private const int FormatVersion = 2;

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

    // TorchSharp's state-dict format for the weights: float32 bits survive the round trip unchanged.
    public void Save(Stream stream) => TorchPayload.Write(stream, Magic, FormatVersion, writer =>
    {
        Architecture.Write(writer);
        writer.Write((int)Task);
        writer.Write(TargetMean);
        writer.Write(TargetScale);
        writer.Write(Threads);
        Network.save(writer);
    });

    public static JointPredictor Load(Stream stream) => TorchPayload.Read(stream, Magic, 1, FormatVersion, "joint network", (reader, format) =>
    {
        var architecture = JointArchitecture.Read(reader, format);
        var task = TorchPayload.ReadTask(reader, "joint network");
        var (mean, scale, threads) = (reader.ReadSingle(), reader.ReadSingle(), reader.ReadInt32());
        var network = TorchPayload.ReadWeights(reader, () => architecture.Build());
        return new JointPredictor(architecture, task, mean, scale, network, threads);
    });

    public void Dispose() => Network.Dispose();
}
