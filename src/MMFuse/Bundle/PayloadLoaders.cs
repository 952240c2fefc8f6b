using System.Collections.Concurrent;
using MMFuse.Learners;
using MMFuse.Learners.Torch;

namespace MMFuse.Bundle;

/// <summary>Turns a predictor payload back into an <see cref="IPredictor"/> by its kind. The TorchSharp kinds and
/// the ML.NET kind are registered from the start; other predictor formats plug in through <see cref="Register"/>.</summary>
public static class PayloadLoaders
{
    private static readonly ConcurrentDictionary<string, Func<Stream, IPredictor>> Loaders = Defaults();

    /// <summary>Registered kinds, sorted.</summary>
    public static IReadOnlyList<string> Kinds => Loaders.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Adds a loader, or replaces the one registered for <paramref name="kind"/>.</summary>
    public static void Register(string kind, Func<Stream, IPredictor> load)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(load);
        Loaders[kind] = load;
    }

    public static bool CanLoad(string kind) => Loaders.ContainsKey(kind);

    internal static bool TryGet(string kind, out Func<Stream, IPredictor> load) => Loaders.TryGetValue(kind, out load!);

    private static ConcurrentDictionary<string, Func<Stream, IPredictor>> Defaults()
    {
        var loaders = new ConcurrentDictionary<string, Func<Stream, IPredictor>>(StringComparer.Ordinal);
        foreach (var kind in TorchPredictorLoader.Kinds)
            loaders[kind] = stream => TorchPredictorLoader.Load(kind, stream);
        loaders[MlNetPredictor.KindName] = MlNetPredictor.Load;
        return loaders;
    }
}
