using MMFuse.Data;
using MMFuse.Learners;

namespace MMFuse.Bundle;

/// <summary>A loaded, checked model file (see <see cref="ModelBundleReader"/> for the checks): its manifest and its
/// payloads, held in memory.</summary>
public sealed class ModelBundle
{
    private readonly IReadOnlyDictionary<string, byte[]> _payloads;

    internal ModelBundle(string path, ModelManifest manifest, IReadOnlyDictionary<string, byte[]> payloads)
    {
        Path = path;
        Manifest = manifest;
        _payloads = payloads;
    }

    /// <summary>Reads and checks a model file; any problem with it is an <see cref="MMFuseInputException"/> naming it.</summary>
    public static ModelBundle Load(string path, ModelLoadOptions? options = null) =>
        ModelBundleReader.Read(path, options ?? new ModelLoadOptions());

    /// <summary>The full path of the model file this bundle was read from.</summary>
    public string Path { get; }

    /// <summary>The file's <c>model.json</c>, already checked against its checksum (and signature, when a key was
    /// given).</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The manifest's description of payload <paramref name="name"/>.</summary>
    public PayloadEntry Payload(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Manifest.Payloads.FirstOrDefault(p => p.Name == name)
            ?? throw new MMFuseInputException($"model file '{Path}' has no payload '{name}' " +
                $"(it has: {string.Join(", ", Manifest.Payloads.Select(p => p.Name))})");
    }

    /// <summary>The bytes of payload <paramref name="name"/>, already checked against the SHA-256 that
    /// <c>model.json</c> lists.</summary>
    public ReadOnlyMemory<byte> PayloadBytes(string name) => _payloads[Payload(name).Name];

    /// <summary>A fresh read-only stream over payload <paramref name="name"/>.</summary>
    public Stream OpenPayload(string name) => new MemoryStream(_payloads[Payload(name).Name], writable: false);

    /// <summary>Restores the predictor saved as payload <paramref name="name"/>, with the loader registered for its kind
    /// in <see cref="PredictorLoader"/>. The caller owns the result (dispose it when it is <see cref="IDisposable"/>).</summary>
    public IPredictor LoadPredictor(string name)
    {
        var payload = Payload(name);
        if (!PredictorLoader.CanLoad(payload.Kind))
            throw new MMFuseInputException($"model file '{Path}': payload '{name}' is of kind '{payload.Kind}', which this MMFuse " +
                $"cannot load (known kinds: {string.Join(", ", PredictorLoader.Kinds)})");
        using var stream = OpenPayload(name);
        try
        {
            return PredictorLoader.Load(payload.Kind, stream);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new MMFuseInputException($"model file '{Path}': payload '{name}' ({payload.Kind}) cannot be loaded: {e.Message}", e);
        }
    }
}
