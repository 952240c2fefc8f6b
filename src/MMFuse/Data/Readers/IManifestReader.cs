namespace MMFuse.Data.Readers;

/// <summary>Streams the records of a manifest, one at a time, after its column names.</summary>
public interface IManifestReader : IDisposable
{
    IReadOnlyList<string> Columns { get; }

    /// <summary>Reads the next record; false at the end of the file.</summary>
    bool TryRead(out RawRow row);
}
