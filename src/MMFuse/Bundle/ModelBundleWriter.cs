using System.IO.Compression;
using MMFuse.IO;
using MMFuse.Learners;

namespace MMFuse.Bundle;

/// <summary>Writes a model file: a zip holding the named payloads, in the order they were added, then
/// <c>model.json</c> listing each payload's kind, length and SHA-256, then <c>integrity.json</c> with the SHA-256 of
/// <c>model.json</c> (and its signature, when a key is given). Payloads are streamed into the zip and hashed on
/// the way, so nothing is buffered; every entry gets the same fixed timestamp, so the same manifest and payloads give
/// the same bytes. The file appears atomically: a failure part-way leaves no file, or the previous one untouched.</summary>
public sealed class ModelBundleWriter
{
    // Zip timestamps are DOS times, which start in 1980; the same fixed time the ML.NET payloads use.
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ModelManifest _manifest;
    private readonly List<(string Name, string Kind, Action<Stream> Write)> _payloads = [];

    /// <summary>Starts a model file that will carry <paramref name="manifest"/>; add payloads, then
    /// <see cref="Write"/>.</summary>
    public ModelBundleWriter(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _manifest = manifest;
    }

    /// <summary>Adds an entry whose content <paramref name="write"/> produces when the file is written.
    /// Names are relative paths of letters, digits, '.', '_' and '-' separated by '/', e.g. <c>predictor/mlp.bin</c>.</summary>
    public ModelBundleWriter AddPayload(string name, string kind, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(write);
        if (EntryNames.IsReserved(name))
            throw new ArgumentException($"'{name}' is reserved for the manifest and its checksum.", nameof(name));
        if (!EntryNames.IsPayloadName(name))
            throw new ArgumentException($"Payload name '{name}' is not a relative path of letters, digits, '.', '_', '-' and '/'.", nameof(name));
        // Case-insensitively, so the file also unpacks on case-insensitive file systems.
        if (_payloads.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"Payload '{name}' was already added.", nameof(name));
        _payloads.Add((name, kind, write));
        return this;
    }

    /// <summary>Adds an entry holding a copy of <paramref name="bytes"/> (taken now, so the caller may reuse its
    /// buffer).</summary>
    public ModelBundleWriter AddPayload(string name, string kind, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var copy = bytes.ToArray(); // the caller may reuse its buffer before Write
        return AddPayload(name, kind, stream => stream.Write(copy));
    }

    /// <summary>Adds a predictor's saved form under its own <see cref="IPredictor.Kind"/>, for <see cref="ModelBundle.LoadPredictor"/>.</summary>
    public ModelBundleWriter AddPredictor(string name, IPredictor predictor)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        return AddPayload(name, predictor.Kind, predictor.Save);
    }

    /// <summary>Writes the file and returns the manifest as written (current format version, payload list filled in).
    /// With a <paramref name="signingKey"/>, the file is signed, and loading with that key checks the signature.</summary>
    public ModelManifest Write(string path, ModelSigningKey? signingKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ModelManifest? written = null;
        AtomicFile.Write(path, stream => written = WriteTo(stream, signingKey));
        return written!;
    }

    internal ModelManifest WriteTo(Stream stream, ModelSigningKey? signingKey)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var entries = new List<PayloadEntry>(_payloads.Count);
        foreach (var (name, kind, write) in _payloads)
        {
            var (bytes, sha256) = WriteEntry(zip, name, write);
            entries.Add(new PayloadEntry(name, kind, sha256, bytes));
        }
        var manifest = _manifest with
        {
            FormatVersion = ModelManifest.CurrentFormatVersion,
            CreatedUtc = _manifest.CreatedUtc.ToUniversalTime(),
            Payloads = entries,
        };
        var json = ManifestJson.Serialize(manifest);
        WriteEntry(zip, EntryNames.Manifest, s => s.Write(json));
        var integrity = ModelIntegrity.Of(json, signingKey).Serialize();
        WriteEntry(zip, EntryNames.Integrity, s => s.Write(integrity));
        return manifest;
    }

    private static (long Bytes, string Sha256) WriteEntry(ZipArchive zip, string name, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        return DigestStream.Copy(stream, write);
    }
}
