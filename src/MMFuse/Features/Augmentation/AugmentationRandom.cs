using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MMFuse.Features.Augmentation;

/// <summary>
/// Where every augmentation's randomness comes from. Each variant gets its own <see cref="Random"/>, seeded
/// from a hash of (content hash, base seed, variant index): never a shared generator, so a variant is the same
/// whichever thread computes it and in whatever order, and the same content always gets the same variant.
/// <c>new Random(int)</c> is .NET's fixed, documented-as-seeded legacy algorithm.
/// </summary>
internal static class AugmentationRandom
{
    /// <summary>Bump whenever any augmenter would produce different output for the same options and seed.</summary>
    public const string AlgorithmVersion = "1";

    public static Random For(ReadOnlySpan<byte> contentHash, int seed, int variant)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variant);
        var suffix = Encoding.UTF8.GetBytes($"\nmmfuse-augment\n{seed}\n{variant}");
        var buffer = new byte[contentHash.Length + suffix.Length];
        contentHash.CopyTo(buffer);
        suffix.CopyTo(buffer, contentHash.Length);
        return new Random(BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(buffer)));
    }

    /// <summary>
    /// A short stable fingerprint of an options record (JSON writes numbers culture-invariantly and round-trip
    /// exact, properties in declaration order), so different settings cache under different keys.
    /// </summary>
    public static string Fingerprint<TOptions>(TOptions options)
    {
        var json = JsonSerializer.Serialize(options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AlgorithmVersion + "\n" + json)))[..16];
    }

    public static double Uniform(Random random, double low, double high) => low + (high - low) * random.NextDouble();

    /// <summary>True with probability p; p ≤ 0 consumes no random number, so a disabled step leaves the stream alone.</summary>
    public static bool Chance(Random random, double p) => p > 0 && random.NextDouble() < p;

    public static void CheckProbability(double p, string name)
    {
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(name, p, "A probability must be in [0, 1].");
    }

    public static void CheckRange(double low, double high, string name, double min = double.NegativeInfinity)
    {
        if (!(low <= high) || low < min || double.IsInfinity(high))
            throw new ArgumentOutOfRangeException(name, $"{name}: invalid range [{low}, {high}].");
    }
}
