namespace MMFuse.Evaluation.Tuning;

/// <summary>Scores a configuration on one inner fold. The tuner hands it inner folds made from the training rows it
/// was given only, so an objective never sees a row outside them.</summary>
public interface ITrialObjective
{
    /// <summary>The metric <see cref="Score"/> returns (its direction comes from <see cref="FoldScorer.HigherIsBetter"/>).</summary>
    string Metric { get; }

    /// <summary>Fits <paramref name="config"/> on <paramref name="fold"/>'s training rows and scores its test rows (row indices into the data set).</summary>
    double Score(TrialConfig config, Fold fold);
}
