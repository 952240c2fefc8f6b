using System.IO.Compression;
using System.Text.Json;
using MMFuse.Data;

namespace MMFuse.Bundle;

/// <summary>Reads and checks <c>model.json</c>: the format version first (a newer format may have a shape these records
/// cannot read), then, from format 2 on, its bytes against the SHA-256 in <c>integrity.json</c> and, when a key is
/// given, against the signature there, and only then its content. Format 1 files have no <c>integrity.json</c>: they
/// load as they always did, but never with a signing key.</summary>
internal static class ManifestReader
{
    private const string Name = EntryNames.Manifest;

    public static ModelManifest Read(string path, ZipArchive zip, EntryBudget budget, ModelSigningKey? key)
    {
        var entry = zip.GetEntry(Name)
            ?? throw new MMFuseInputException($"'{path}' is not an MMFuse model file (a zip archive without {Name})");
        var bytes = budget.Read(entry, entry.Length, budget.Limits.ManifestBytes, Name);
        JsonDocument document;
        try { document = JsonDocument.Parse(bytes); }
        catch (JsonException e) { throw ModelBundleReader.Invalid(path, $"{Name} is not valid JSON: {e.Message}", e); }
        using (document)
        {
            if (CheckVersion(path, document.RootElement) >= ModelManifest.FirstChecksummedFormatVersion)
                CheckIntegrity(path, bytes, ReadIntegrity(path, zip, budget), key);
            else if (key is not null)
                throw new MMFuseInputException($"'{path}' is not signed (format 1, written before model files could be), " +
                    "but a signing key was given: refused");
            try { return ManifestJson.Deserialize(document); }
            catch (JsonException e) { throw ModelBundleReader.Invalid(path, $"{Name} is malformed: {e.Message}", e); }
        }
    }

    private static int CheckVersion(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format_version", out var version)
            || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var formatVersion) || formatVersion < 1)
            throw ModelBundleReader.Invalid(path, $"{Name} has no valid format_version");
        if (formatVersion > ModelManifest.CurrentFormatVersion)
            throw new MMFuseInputException($"'{path}': model file format {formatVersion} is newer than this MMFuse " +
                $"(supports up to {ModelManifest.CurrentFormatVersion}); upgrade MMFuse to load it");
        return formatVersion;
    }

    private static ModelIntegrity ReadIntegrity(string path, ZipArchive zip, EntryBudget budget)
    {
        var entry = zip.GetEntry(EntryNames.Integrity)
            ?? throw ModelBundleReader.Invalid(path, $"{EntryNames.Integrity}, the checksum of {Name}, is missing");
        var bytes = budget.Read(entry, entry.Length, budget.Limits.ManifestBytes, EntryNames.Integrity);
        try { return ModelIntegrity.Deserialize(bytes); }
        catch (JsonException e) { throw ModelBundleReader.Invalid(path, $"{EntryNames.Integrity} is malformed: {e.Message}", e); }
    }

    private static void CheckIntegrity(string path, byte[] manifest, ModelIntegrity integrity, ModelSigningKey? key)
    {
        if (!string.Equals(ModelIntegrity.Sha256(manifest), integrity.ModelJsonSha256, StringComparison.OrdinalIgnoreCase))
            throw ModelBundleReader.Invalid(path, $"{Name} does not match its SHA-256 in {EntryNames.Integrity}: damaged or modified");
        if (key is null)
            return;
        if (integrity.HmacSha256 is null)
            throw new MMFuseInputException($"'{path}' is not signed, but a signing key was given: refused (save it with the signing key)");
        if (!key.Verifies(manifest, integrity.HmacSha256))
            throw new MMFuseInputException($"'{path}': its signature does not match the signing key: the model was modified " +
                "after signing, or signed with another key; refused");
    }
}
