using MMFuse.Data;

namespace MMFuse.Learners;

/// <summary>Training rows for a learner. Labels hold the class index (0..ClassCount-1) for classification
/// and the target value for regression. Weights, when given, are per-row sample weights.</summary>
public sealed record LearnerData(float[][] Features, float[] Labels, TaskKind Task, int ClassCount, float[]? Weights = null)
{
    /// <summary>The number of rows.</summary>
    public int Rows => Features.Length;
    /// <summary>The number of feature columns (0 when there are no rows).</summary>
    public int Columns => Features.Length == 0 ? 0 : Features[0].Length;
}
