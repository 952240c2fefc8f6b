using System.Text;
using MMFuse.Data;
using TorchSharp;

namespace MMFuse.Learners.Torch;

/// <summary>
/// The file layout both saved TorchSharp predictors (the MLP and the joint networks) share: magic string and format
/// version, then what the predictor writes (its architecture, task, target standardisation...), then the weights in
/// TorchSharp's own state-dict format. Reading checks every shared field the same way, and a file cut short anywhere
/// is an <see cref="InvalidDataException"/> naming the kind of network.
/// </summary>
internal static class TorchPayload
{
    public static void Write(Stream stream, string magic, int version, Action<BinaryWriter> body)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(magic);
        writer.Write(version);
        body(writer);
        writer.Flush();
    }

    /// <param name="stream">The payload, positioned at its start.</param>
    /// <param name="magic">The expected magic string.</param>
    /// <param name="version">The highest format version this build reads.</param>
    /// <param name="what">The network's name in messages ("MLP", "joint network").</param>
    /// <param name="body">Reads what the predictor wrote after the shared header.</param>
    public static T Read<T>(Stream stream, string magic, int version, string what, Func<BinaryReader, T> body) =>
        Read(stream, magic, version, version, what, (reader, _) => body(reader));

    /// <summary>Reads a payload of any format version from <paramref name="oldest"/> to <paramref name="newest"/>;
    /// <paramref name="body"/> gets the version found, so a newer build still reads older files.</summary>
    public static T Read<T>(Stream stream, string magic, int oldest, int newest, string what, Func<BinaryReader, int, T> body)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var found = reader.ReadString();
            if (found != magic)
                throw new InvalidDataException($"Not a saved MMFuse {what} (header '{found}').");
            var foundVersion = reader.ReadInt32();
            if (foundVersion < oldest || foundVersion > newest)
                throw new InvalidDataException(oldest == newest
                    ? $"Saved {what} format {foundVersion} is not supported (expected {newest})."
                    : $"Saved {what} format {foundVersion} is not supported (expected {oldest} to {newest}).");
            return body(reader, foundVersion);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"Not a complete saved MMFuse {what}: " + e.Message, e);
        }
    }

    public static TaskKind ReadTask(BinaryReader reader, string what)
    {
        var task = (TaskKind)reader.ReadInt32();
        return Enum.IsDefined(task) ? task : throw new InvalidDataException($"Corrupt saved {what}: unknown task {(int)task}.");
    }

    /// <summary>Builds the module (its initial weights are overwritten, see <see cref="TorchRuntime.BuildToLoad"/>) and
    /// reads the saved weights into it; the module is disposed if they cannot be read.</summary>
    public static TModule ReadWeights<TModule>(BinaryReader reader, Func<TModule> build) where TModule : torch.nn.Module
    {
        var network = TorchRuntime.BuildToLoad(build);
        try
        {
            network.load(reader);
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }
}
