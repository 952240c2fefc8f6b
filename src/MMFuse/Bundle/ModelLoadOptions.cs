namespace MMFuse.Bundle;

/// <summary>How <see cref="ModelBundle.Load(string, ModelLoadOptions?)"/> checks a model file.</summary>
public sealed record ModelLoadOptions
{
    public ModelFileLimits Limits { get; init; } = new();
}
