using System.IO.Compression;
using System.Security.Cryptography;
using MMFuse.Data;

namespace MMFuse.Bundle;

/// <summary>Opens a model file and checks it before anything uses it: a zip at all, within <see cref="ModelFileLimits"/>,
/// a <c>model.json</c> in a format this build reads that matches its checksum (and signature, when a key is given), and
/// every listed payload well named, present, complete and unchanged (length and SHA-256), with no unlisted entries.
/// Every failure is an <see cref="MMFuseInputException"/> whose message names the file. The payloads are read into
/// memory while being checked, so the file is closed again when this returns.</summary>
internal static class ModelBundleReader
{
    public static ModelBundle Read(string path, ModelLoadOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new MMFuseInputException($"model file '{path}' does not exist");
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            Span<byte> head = stackalloc byte[2];
            if (file.ReadAtLeast(head, 2, throwOnEndOfStream: false) < 2 || !head.SequenceEqual("PK"u8))
                throw new MMFuseInputException($"'{path}' is not an MMFuse model file (not a zip archive)");
            file.Position = 0;
            using var zip = Open(path, file);
            var budget = new EntryBudget(path, options.Limits);
            var manifest = ManifestReader.Read(path, zip, budget, options.SigningKey);
            return new ModelBundle(path, manifest, ReadPayloads(path, zip, manifest, budget));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MMFuseInputException($"cannot read model file '{path}': {e.Message}", e);
        }
    }

    private static ZipArchive Open(string path, Stream file)
    {
        // A cut-off file loses the zip's central directory, which is at the end.
        try { return new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException e) { throw Invalid(path, "truncated or damaged", e); }
    }

    private static Dictionary<string, byte[]> ReadPayloads(string path, ZipArchive zip, ModelManifest manifest, EntryBudget budget)
    {
        var payloads = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var listed in manifest.Payloads)
        {
            // Before the name is used or shown anywhere else: it may be hostile ("../../x", control characters).
            if (!EntryNames.IsPayloadName(listed.Name))
                throw Invalid(path, $"payload name '{EntryNames.Shown(listed.Name)}' is not allowed: payload names are relative paths " +
                    "of letters, digits, '.', '_' and '-' separated by '/', no part starting with '.'");
            if (payloads.ContainsKey(listed.Name))
                throw Invalid(path, $"payload '{listed.Name}' is listed twice in {ManifestJson.EntryName}");
            var entry = zip.GetEntry(listed.Name) ?? throw Invalid(path, $"payload '{listed.Name}' is missing");
            if (entry.Length != listed.Bytes)
                throw Invalid(path, $"payload '{listed.Name}' holds {entry.Length} bytes, {ManifestJson.EntryName} says {listed.Bytes}");
            var bytes = budget.Read(entry, listed.Bytes, budget.Limits.PayloadBytes, "a payload");
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), listed.Sha256, StringComparison.OrdinalIgnoreCase))
                throw Invalid(path, $"payload '{listed.Name}' does not match its SHA-256 in {ManifestJson.EntryName}: damaged or modified");
            payloads.Add(listed.Name, bytes);
        }
        var checksummed = manifest.FormatVersion >= ModelManifest.FirstChecksummedFormatVersion;
        var unlisted = zip.Entries.Select(e => e.FullName)
            .Where(name => name != EntryNames.Manifest && !(checksummed && name == EntryNames.Integrity) && !payloads.ContainsKey(name)).ToList();
        if (unlisted.Count > 0 || zip.Entries.Count != payloads.Count + (checksummed ? 2 : 1))
            throw Invalid(path, $"entry '{EntryNames.Shown(unlisted.FirstOrDefault() ?? ManifestJson.EntryName)}' is not listed in {ManifestJson.EntryName} or appears twice");
        return payloads;
    }

    internal static MMFuseInputException Invalid(string path, string detail, Exception? inner = null) =>
        new($"'{path}' is not a valid MMFuse model file ({detail})", inner);
}
