using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MMFuse.Bundle;

/// <summary>The <c>integrity.json</c> entry, written after <c>model.json</c>: the SHA-256 of <c>model.json</c>'s bytes,
/// so accidental damage to the description (a changed label map, say) is detected as payload damage already was, and,
/// when the model was signed, an HMAC-SHA256 of those bytes with the user's key. <c>model.json</c> lists every payload's
/// SHA-256 and loading checks every payload against it, so the signature covers the payloads too.</summary>
internal sealed record ModelIntegrity(string ModelJsonSha256, string? HmacSha256)
{
    public static ModelIntegrity Of(ReadOnlySpan<byte> manifest, ModelSigningKey? key) =>
        new(Sha256(manifest), key?.Sign(manifest));

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public byte[] Serialize() => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, ManifestJson.Options) + "\n");

    /// <summary>Throws <see cref="JsonException"/> when the bytes do not describe an integrity entry.</summary>
    public static ModelIntegrity Deserialize(byte[] bytes) =>
        JsonSerializer.Deserialize<ModelIntegrity>(bytes, ManifestJson.Options) ?? throw new JsonException("integrity.json holds null");
}
