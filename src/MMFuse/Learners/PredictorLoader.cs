using System.Collections.Concurrent;

namespace MMFuse.Learners;

/// <summary>Restores a predictor written by <see cref="IPredictor.Save"/> from its <see cref="IPredictor.Kind"/>.
/// Other predictor formats (the TorchSharp MLP) plug in through <see cref="Register"/>.</summary>
public static class PredictorLoader
{
    private static readonly ConcurrentDictionary<string, Func<Stream, IPredictor>> Loaders = new(StringComparer.Ordinal)
    {
        [MlNetPredictor.KindName] = MlNetPredictor.Load,
        [Torch.MlpPredictor.KindName] = Torch.MlpPredictor.Load,
        [Fusion.Joint.JointPredictor.KindName] = Fusion.Joint.JointPredictor.Load,
    };

    /// <summary>Registered payload kinds, sorted.</summary>
    public static IReadOnlyList<string> Kinds => Loaders.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Whether a loader is registered for payload kind <paramref name="kind"/>.</summary>
    public static bool CanLoad(string kind) => Loaders.ContainsKey(kind);

    /// <summary>Registers (or replaces) the loader for payload kind <paramref name="kind"/>.</summary>
    public static void Register(string kind, Func<Stream, IPredictor> load)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(load);
        Loaders[kind] = load;
    }

    /// <summary>Reads one payload from the stream. A truncated or corrupted payload throws <see cref="InvalidDataException"/>.</summary>
    public static IPredictor Load(string kind, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(stream);
        if (!Loaders.TryGetValue(kind, out var load))
            throw new ArgumentException($"Unknown predictor kind '{kind}'. Known kinds: {string.Join(", ", Kinds)}.", nameof(kind));
        return load(stream);
    }
}
