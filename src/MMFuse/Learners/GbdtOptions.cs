namespace MMFuse.Learners;

/// <summary>Options of <c>gbdt</c>: LightGBM gradient-boosted trees (binary, multiclass softmax, regression).</summary>
public sealed record GbdtOptions(
    int Iterations = 100,
    double LearningRate = 0.1,
    int Leaves = 31,
    int MinExamplesPerLeaf = 20,
    int MaxBinsPerFeature = 255) : LearnerOptions;
