namespace MMFuse.Learners.Torch;

/// <summary>Restores TorchSharp predictors written by <see cref="IPredictor.Save"/>, by their <see cref="IPredictor.Kind"/>.</summary>
public static class TorchPredictorLoader
{
    public static IReadOnlyList<string> Kinds { get; } = [MlpPredictor.KindName, Fusion.Joint.JointPredictor.KindName];

    public static bool CanLoad(string kind) => Kinds.Contains(kind);

    public static IPredictor Load(string kind, Stream stream) => kind switch
    {
        MlpPredictor.KindName => MlpPredictor.Load(stream),
        Fusion.Joint.JointPredictor.KindName => Fusion.Joint.JointPredictor.Load(stream),
        _ => throw new ArgumentException($"Unknown TorchSharp predictor kind '{kind}'. Known: {string.Join(", ", Kinds)}."),
    };
}
