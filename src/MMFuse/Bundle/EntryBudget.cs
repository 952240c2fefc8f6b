using System.IO.Compression;

namespace MMFuse.Bundle;

/// <summary>Reads a model file's entries within <see cref="ModelFileLimits"/>: each entry's declared length is checked
/// against its own cap and against what is left of the file's total before anything is allocated or inflated, and the
/// entry is then inflated with a running limit (<see cref="BoundedEntryReader"/>). Refusals name the file and entry.</summary>
internal sealed class EntryBudget(string path, ModelFileLimits limits)
{
    private long _used;

    public ModelFileLimits Limits => limits;

    /// <summary>Reads exactly <paramref name="length"/> bytes of <paramref name="entry"/>; a damaged, short or
    /// over-long entry, or one beyond the caps, fails naming the entry.</summary>
    public byte[] Read(ZipArchiveEntry entry, long length, long cap, string what)
    {
        if (length < 0)
            throw ModelBundleReader.Invalid(path, $"entry '{entry.FullName}' has an impossible length {length}");
        var allowed = Math.Min(Math.Min(cap, Array.MaxLength), limits.TotalBytes - _used);
        if (length > allowed)
            throw ModelBundleReader.Invalid(path, $"entry '{entry.FullName}' would inflate to {length} bytes; " +
                (length > cap ? $"{what} may hold at most {cap} bytes" : $"the whole file may inflate to at most {limits.TotalBytes} bytes") +
                ", so it was refused without inflating it");
        _used += length;
        try
        {
            return BoundedEntryReader.Read(entry, (int)length)
                ?? throw ModelBundleReader.Invalid(path, $"entry '{entry.FullName}' inflates to more than its recorded {length} bytes");
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw ModelBundleReader.Invalid(path, $"entry '{entry.FullName}' is truncated or damaged", e);
        }
    }
}
