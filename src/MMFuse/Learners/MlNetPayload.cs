using System.Security.Cryptography;
using System.Text;
using MMFuse.Data;

namespace MMFuse.Learners;

/// <summary>Framing of a saved ML.NET predictor: magic, format version, <see cref="MlNetModelInfo"/>, the ML.NET
/// model zip prefixed by its length and followed by its SHA-256. The length and hash let a truncated or corrupted
/// payload fail with a clear message instead of deep inside ML.NET's zip reader. Reads exactly the bytes it wrote,
/// so the payload can sit inside a larger stream.</summary>
internal static class MlNetPayload
{
    private static readonly byte[] Magic = "MMFUSE-MLNET"u8.ToArray();
    private const int FormatVersion = 1;

    public static void Write(Stream stream, MlNetModelInfo info, byte[] modelZip)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(info.Learner);
        w.Write((int)info.Task);
        w.Write(info.ClassCount);
        w.Write(info.FeatureCount);
        w.Write((long)modelZip.Length);
        w.Write(modelZip);
        w.Write(SHA256.HashData(modelZip));
    }

    public static (MlNetModelInfo Info, byte[] ModelZip) Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var magic = new byte[Magic.Length];
            stream.ReadExactly(magic);
            if (!magic.AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException("Not an ML.NET predictor payload (bad magic bytes).");
            var version = r.ReadInt32();
            if (version != FormatVersion)
                throw new InvalidDataException($"ML.NET predictor payload has format version {version}; this build reads {FormatVersion}.");
            var learner = r.ReadString();
            var task = (TaskKind)r.ReadInt32();
            if (!Enum.IsDefined(task))
                throw new InvalidDataException($"ML.NET predictor payload names unknown task {(int)task}.");
            var classCount = r.ReadInt32();
            var featureCount = r.ReadInt32();
            var length = r.ReadInt64();
            if (length <= 0 || length > int.MaxValue || featureCount <= 0 || classCount < 0)
                throw new InvalidDataException("ML.NET predictor payload header is corrupted.");
            var zip = new byte[length];
            stream.ReadExactly(zip);
            var hash = new byte[SHA256.HashSizeInBytes];
            stream.ReadExactly(hash);
            if (!SHA256.HashData(zip).AsSpan().SequenceEqual(hash))
                throw new InvalidDataException("ML.NET predictor payload is corrupted (SHA-256 mismatch).");
            return (new MlNetModelInfo(learner, task, classCount, featureCount), zip);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("ML.NET predictor payload is truncated: the stream ended before the model was complete.", e);
        }
    }
}
