namespace MMFuse.Data;

/// <summary>A column's place in the manifest, its role, and why it got that role.</summary>
public sealed record ColumnSchema(string Name, int Index, ColumnRole Role, string Reason);
