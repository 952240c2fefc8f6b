using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MMFuse.Features.Images;

/// <summary>
/// The two ONNX graphs of NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1. The package's build props
/// copy them to <c>DnnImageModels/</c> in the output folder of MMFuse and of every project that references it.
/// </summary>
internal sealed record ResNet18ModelFiles(string PreprocessPath, string ModelPath)
{
    private static readonly ConcurrentDictionary<string, string> HashCache = new();

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "DnnImageModels");

    /// <summary>Finds both files under <paramref name="directory"/> (default: DnnImageModels beside the app) or throws.</summary>
    public static ResNet18ModelFiles Locate(string? directory = null)
    {
        var root = directory ?? DefaultDirectory;
        var files = new ResNet18ModelFiles(
            Path.Combine(root, "ResNetPrepOnnx", "ResNetPreprocess.onnx"),
            Path.Combine(root, "ResNet18Onnx", "ResNet18.onnx"));
        foreach (var path in new[] { files.PreprocessPath, files.ModelPath })
        {
            if (!File.Exists(path))
                throw new FileNotFoundException(
                    $"ResNet18 model file missing: {path}. It ships in NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18, " +
                    "whose build props copy DnnImageModels/ to the output folder.", path);
        }
        return files;
    }

    /// <summary>SHA-256 (lower-case hex) over the preprocessing graph then the network, cached per path pair.</summary>
    public string Sha256 => HashCache.GetOrAdd(PreprocessPath + "|" + ModelPath, _ => ComputeHash());

    private string ComputeHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in new[] { PreprocessPath, ModelPath })
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[1 << 20];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
