namespace MMFuse.Learners;

/// <summary>Options of <c>forest</c>: ML.NET FastForest (random forest). Binary scores are Platt-calibrated;
/// multiclass is one-versus-all over calibrated binary forests.</summary>
public sealed record ForestOptions(
    int Trees = 100,
    int Leaves = 20,
    int MinExamplesPerLeaf = 10,
    double FeatureFraction = 0.7,
    double BaggingFraction = 0.7) : LearnerOptions;
