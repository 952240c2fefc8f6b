using System.Text.Json.Serialization;

namespace MMFuse.Features.Preprocessing;

/// <summary>How <see cref="BlockNormalizer"/> scales each column, from present training rows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NormalizeMode>))]
public enum NormalizeMode
{
    /// <summary>(x - mean) / std (population std, as scikit-learn's StandardScaler).</summary>
    [JsonStringEnumMemberName("zscore")] ZScore,

    /// <summary>(x - min) / (max - min): training rows land in [0, 1].</summary>
    [JsonStringEnumMemberName("minmax")] MinMax,

    /// <summary>Values unchanged; absent rows and NaN are still imputed.</summary>
    [JsonStringEnumMemberName("none")] None,
}

/// <summary>Names of <see cref="NormalizeMode"/>.</summary>
public static class NormalizeModes
{
    /// <summary>The name used on the command line and in JSON: zscore, minmax, none.</summary>
    public static string Name(this NormalizeMode mode) => mode switch
    {
        NormalizeMode.ZScore => "zscore",
        NormalizeMode.MinMax => "minmax",
        NormalizeMode.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>The mode named <paramref name="name"/> (zscore, minmax or none, case-insensitive); another name is an
    /// <see cref="ArgumentException"/>.</summary>
    public static NormalizeMode Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var mode in Enum.GetValues<NormalizeMode>())
            if (string.Equals(mode.Name(), name.Trim(), StringComparison.OrdinalIgnoreCase))
                return mode;
        throw new ArgumentException($"Unknown normalisation '{name}'; use zscore, minmax or none.", nameof(name));
    }
}
