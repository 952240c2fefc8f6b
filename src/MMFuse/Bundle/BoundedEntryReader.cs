using System.IO.Compression;

namespace MMFuse.Bundle;

/// <summary>Inflates one zip entry into memory without trusting its declared length for allocation: the buffer only
/// grows as bytes actually arrive, and reading stops one byte past the declared length, so an entry that inflates
/// beyond what it declared costs no more than that length. The caller checks the declared length against its caps
/// first. Damaged data throws <see cref="InvalidDataException"/> or <see cref="EndOfStreamException"/>.</summary>
internal static class BoundedEntryReader
{
    private const int FirstBuffer = 1 << 16;

    /// <summary>The entry's bytes, or null when it inflates to more than <paramref name="declared"/> bytes.</summary>
    public static byte[]? Read(ZipArchiveEntry entry, int declared)
    {
        using var stream = entry.Open();
        var buffer = new byte[Math.Min(declared, FirstBuffer)];
        var filled = 0;
        while (filled < declared)
        {
            if (filled == buffer.Length)
                Array.Resize(ref buffer, (int)Math.Min(declared, 2L * buffer.Length));
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
                throw new EndOfStreamException($"entry '{entry.FullName}' ends after {filled} of its {declared} bytes");
            filled += read;
        }
        return stream.ReadByte() == -1 ? buffer : null;
    }
}
