namespace MMFuse.Data.Readers;

/// <summary>
/// One data record as read from a manifest. <see cref="Number"/> is 1-based and does not count the header;
/// <see cref="Line"/> is where the record starts in a text file (0 for Parquet). Missing cells are null.
/// A record that cannot be split into the header's columns carries <see cref="StructuralError"/>.
/// </summary>
public sealed record RawRow(long Number, long Line, string?[] Values, string? StructuralError = null);
