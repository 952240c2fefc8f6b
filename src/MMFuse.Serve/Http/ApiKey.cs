using System.Security.Cryptography;
using System.Text;
using MMFuse.Data;

namespace MMFuse.Serve.Http;

/// <summary>
/// The API key a request must present as <c>Authorization: Bearer KEY</c>. Only its SHA-256 is kept, and the
/// presented key's hash is compared with <see cref="CryptographicOperations.FixedTimeEquals"/>: equal-length digests
/// compared in constant time reveal neither the key's content nor its length through timing.
/// </summary>
internal sealed class ApiKey
{
    private readonly byte[] _digest;

    private ApiKey(string key) => _digest = SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The key in a file: its text with surrounding whitespace (a trailing newline) trimmed; at least 16 characters.</summary>
    public static ApiKey FromFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MMFuseInputException($"ServeOptions.ApiKeyFile: cannot read '{path}': {ex.Message}");
        }
        // A short key can be guessed over the network; the file's content is never echoed.
        if (text.Length < 16)
            throw new MMFuseInputException($"ServeOptions.ApiKeyFile: the key in '{path}' is shorter than 16 characters");
        if (text.Any(char.IsWhiteSpace))
            throw new MMFuseInputException($"ServeOptions.ApiKeyFile: the key in '{path}' contains whitespace; put the key alone in the file");
        return new ApiKey(text);
    }

    /// <summary>True when the header is <c>Bearer</c> followed by the key.</summary>
    public bool Accepts(string? authorization)
    {
        const string Scheme = "Bearer ";
        var presented = authorization is not null && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? authorization[Scheme.Length..].Trim() : "";
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _digest);
    }
}
