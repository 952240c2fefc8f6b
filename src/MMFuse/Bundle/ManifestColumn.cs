using MMFuse.Data;

namespace MMFuse.Bundle;

/// <summary>One column of the training manifest and its role.</summary>
public sealed record ManifestColumn(string Name, ColumnRole Role);
