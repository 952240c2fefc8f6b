namespace MMFuse.Serve.Contracts;

/// <summary>A column a row may give: its name and role (image, audio, text, numeric, categorical).</summary>
public sealed record ColumnDescription(string Name, string Role);
