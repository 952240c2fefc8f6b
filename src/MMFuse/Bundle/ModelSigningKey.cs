using System.Security.Cryptography;
using System.Text;
using MMFuse.Data;

namespace MMFuse.Bundle;

/// <summary>A secret key for signing model files (HMAC-SHA256 over <c>model.json</c>, which lists every payload's
/// SHA-256), for users who must detect deliberate tampering, not only damage. The key is the file's raw bytes.</summary>
public sealed class ModelSigningKey
{
    /// <summary>The shortest key accepted, in bytes (128 bits).</summary>
    public const int MinimumBytes = 16;
    /// <summary>The longest key accepted, in bytes (64 KiB).</summary>
    public const int MaximumBytes = 64 * 1024;

    // Binds a signature to this use of the key, so a MAC the same key makes elsewhere is never a valid model signature.
    private static readonly byte[] Context = "mmfuse-model-signature-v1\n"u8.ToArray();

    private readonly byte[] _key;

    /// <summary>Wraps a copy of <paramref name="key"/>, which must hold <see cref="MinimumBytes"/> to
    /// <see cref="MaximumBytes"/> bytes.</summary>
    public ModelSigningKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is < MinimumBytes or > MaximumBytes)
            throw new ArgumentException($"A signing key must hold {MinimumBytes} to {MaximumBytes} bytes; this one holds {key.Length}.", nameof(key));
        _key = key.ToArray();
    }

    /// <summary>Reads a key file; a missing, unreadable, too short or too long file is an <see cref="MMFuseInputException"/> naming it.</summary>
    public static ModelSigningKey FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (file.Length is < MinimumBytes or > MaximumBytes)
                throw new MMFuseInputException($"signing key file '{path}' holds {file.Length} bytes; a key must hold {MinimumBytes} to " +
                    $"{MaximumBytes} bytes (e.g. head -c 32 /dev/urandom > {Path.GetFileName(path)})");
            var key = new byte[file.Length];
            file.ReadExactly(key);
            return new ModelSigningKey(key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MMFuseInputException($"signing key file '{path}' cannot be read: {(e is FileNotFoundException ? "it does not exist" : e.Message)}", e);
        }
    }

    /// <summary>The lower-case hex HMAC-SHA256 of <paramref name="manifest"/> (the bytes of model.json).</summary>
    public string Sign(ReadOnlySpan<byte> manifest)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Context);
        hmac.AppendData(manifest);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Whether <paramref name="signature"/> is this key's signature of <paramref name="manifest"/>, compared in
    /// constant time.</summary>
    public bool Verifies(ReadOnlySpan<byte> manifest, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(manifest)), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
}
