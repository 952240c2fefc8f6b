using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MMFuse.Features.Caching;

/// <summary>
/// Content address of one feature vector: SHA-256 over the content's own SHA-256 (file bytes or UTF-8 text),
/// the extractor's id and version, the model file's hash and the augmentation seed. A renamed or moved file
/// has the same key; a changed file, model or extractor version has another.
/// </summary>
public readonly record struct FeatureKey(ulong A, ulong B, ulong C, ulong D)
{
    /// <summary>A key's length in bytes (256 bits).</summary>
    public const int Size = 32;

    /// <summary>The SHA-256 of a file's bytes, the content half of a key.</summary>
    public static byte[] HashContent(ReadOnlySpan<byte> content) => SHA256.HashData(content);

    /// <summary>The SHA-256 of a text's UTF-8 bytes, the content half of a key.</summary>
    public static byte[] HashText(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    /// <summary>The key of the vector <paramref name="extractor"/> makes from content with hash
    /// <paramref name="contentHash"/>; <paramref name="augmentation"/> is the augmentation seed, or -1 for plain
    /// features.</summary>
    public static FeatureKey For(ReadOnlySpan<byte> contentHash, ExtractorSignature extractor, int augmentation = -1)
    {
        var suffix = Encoding.UTF8.GetBytes($"\n{extractor.Id}\n{extractor.Version}\n{extractor.ModelHash}\n{augmentation}");
        var buffer = new byte[contentHash.Length + suffix.Length];
        contentHash.CopyTo(buffer);
        suffix.CopyTo(buffer, contentHash.Length);
        return FromBytes(SHA256.HashData(buffer));
    }

    /// <summary>Reads a key from its first <see cref="Size"/> bytes (little-endian), as <see cref="WriteTo"/> wrote
    /// them.</summary>
    public static FeatureKey FromBytes(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]));

    /// <summary>Writes the key's <see cref="Size"/> bytes (little-endian) to <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, A);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], B);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], C);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], D);
    }
}
