namespace MMFuse.Learners.Torch;

/// <summary>Restores TorchSharp predictors written by <see cref="IPredictor.Save"/>, by their <see cref="IPredictor.Kind"/>.</summary>
public static class TorchPredictorLoader
{
    /// <summary>The payload kinds this loader reads: the MLP and the joint networks.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [MlpPredictor.KindName, Fusion.Joint.JointPredictor.KindName];

    /// <summary>Whether <paramref name="kind"/> is one of <see cref="Kinds"/>.</summary>
    public static bool CanLoad(string kind) => Kinds.Contains(kind);

    /// <summary>Reads a predictor of payload kind <paramref name="kind"/>; an unknown kind is an
    /// <see cref="ArgumentException"/>, a damaged payload an <see cref="InvalidDataException"/>.</summary>
    public static IPredictor Load(string kind, Stream stream) => kind switch
    {
        MlpPredictor.KindName => MlpPredictor.Load(stream),
        Fusion.Joint.JointPredictor.KindName => Fusion.Joint.JointPredictor.Load(stream),
        _ => throw new ArgumentException($"Unknown TorchSharp predictor kind '{kind}'. Known: {string.Join(", ", Kinds)}."),
    };
}
