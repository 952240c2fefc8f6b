namespace MMFuse;

/// <summary>What the HTML report analyses beyond the defaults.</summary>
public sealed record ReportOptions
{
    /// <summary>Noise curves for inputs of pretrained encoders (ResNet18, MiniLM) too: one extraction per noise level.</summary>
    public bool NoiseAll { get; init; }
}
