using MMFuse.Data;

namespace MMFuse.Learners;

/// <summary>Training rows for a learner. Labels hold the class index (0..ClassCount-1) for classification
/// and the target value for regression. Weights, when given, are per-row sample weights.</summary>
public sealed record LearnerData(float[][] Features, float[] Labels, TaskKind Task, int ClassCount, float[]? Weights = null)
{
    public int Rows => Features.Length;
    public int Columns => Features.Length == 0 ? 0 : Features[0].Length;
}
