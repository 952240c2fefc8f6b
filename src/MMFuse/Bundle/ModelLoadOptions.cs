namespace MMFuse.Bundle;

/// <summary>How <see cref="ModelBundle.Load(string, ModelLoadOptions?)"/> checks a model file.</summary>
public sealed record ModelLoadOptions
{
    /// <summary>The caps on how much the file's entries may inflate to; entries beyond them are refused before they are
    /// read.</summary>
    public ModelFileLimits Limits { get; init; } = new();

    /// <summary>When set, the file must be signed with this key; an unsigned file, or one signed otherwise, is refused.
    /// When null, a signature is not checked (the SHA-256 checks still are).</summary>
    public ModelSigningKey? SigningKey { get; init; }
}
