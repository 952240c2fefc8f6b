namespace MMFuse.Learners;

/// <summary>One prediction row as ML.NET reads it: features only, referencing the caller's array.</summary>
internal sealed class MlNetFeatureRow
{
    public float[] Features = [];
}
