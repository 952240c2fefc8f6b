namespace MMFuse.Data.Readers;

/// <summary>Streams the records of a manifest, one at a time, after its column names.</summary>
public interface IManifestReader : IDisposable
{
    /// <summary>The column names in file order: the header row, or for JSON Lines every key in order of first
    /// appearance.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Reads the next record; false at the end of the file.</summary>
    bool TryRead(out RawRow row);
}
