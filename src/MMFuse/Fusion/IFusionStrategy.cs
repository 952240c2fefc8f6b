namespace MMFuse.Fusion;

/// <summary>A way of combining modalities: trains on per-modality blocks, returns a model that predicts from them.</summary>
public interface IFusionStrategy
{
    /// <summary>The leaderboard name, e.g. <c>early/logreg</c>.</summary>
    string Name { get; }

    /// <summary>The family: early, late, vote, stacking, joint-*, unimodal.</summary>
    string Fusion { get; }

    /// <summary>Trains on <paramref name="train"/> (normalisers included, on those rows only) and returns the model;
    /// dispose it when done.</summary>
    IFusionModel Fit(FusionTrainingSet train);
}
