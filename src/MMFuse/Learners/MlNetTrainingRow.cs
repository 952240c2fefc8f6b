namespace MMFuse.Learners;

/// <summary>One training row as ML.NET reads it. <c>Features</c> references the caller's array (no copy); its
/// vector size is set at run time through a <see cref="Microsoft.ML.Data.SchemaDefinition"/>.</summary>
internal sealed class MlNetTrainingRow<TLabel>
{
    public float[] Features = [];
    public TLabel Label = default!;
    public float Weight = 1f;
}
